# Indexing (BINARY_SUBSCR), item assignment (STORE_SUBSCR) and deletion
# (DELETE_SUBSCR), with negative indexes counting from the end.
a = ['a', 'b', 'c', 'd', 'e']
print(a[0], a[4], a[-1], a[-5], a[len(a) - 2])
a[1] = 'B'
a[-1] = 'E'
print(a)
del a[0]
del a[-2]
print(a)
a[0], a[-1] = a[-1], a[0]
print(a)
grid = [[1, 2], [3, 4]]
grid[1][0] = 30
print(grid, grid[-1][-1])
counts = [0] * 3
for i in [0, 2, 2, 1, 2]:
    counts[i] += 1
print(counts)
t = True
print(a[t], a[False], a[2 ** 0])
