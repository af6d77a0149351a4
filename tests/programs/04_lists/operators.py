# List operators: + and * make new lists, += and *= change the list in place
# (others holding it see the change), and * copies references, not items.
a = [1, 2]
b = a
a = a + [3]
print(a, b)
c = b
b += [4, 5]
print(b, c, b is c)
b *= 2
print(c)
print([0] * 4, 3 * ['x'], [1, 2] * 0, [1] * -1)
rows = [[0] * 2] * 3
rows[0][0] = 9
print(rows)
rows = [[0] * 2 for _ in range(3)]
rows[0][0] = 9
print(rows)
d = []
d += 'abc'
d += range(2)
print(d, len(d))
print([1, 2] + [], [] + [], [[1]] + [[1]])
