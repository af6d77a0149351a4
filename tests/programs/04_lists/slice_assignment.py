# Assigning to a slice replaces it with any iterable's items, growing or
# shrinking the list; `del` of a slice removes it. Extended slices (with a step)
# need exactly as many items as they select.
a = list(range(8))
a[2:4] = ['x', 'y', 'z']
print(a)
a[1:6] = []
print(a)
a[:0] = 'ab'
print(a)
a[len(a):] = (100, 200)
print(a)
a[::2] = [0, 0, 0, 0]
print(a)
a[::-3] = ['p', 'q', 'r']
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = [1, 2, 3]
b[1:2] = b
print(b)
c = list(range(10))
del c[-3:]
del c[::-3]
print(c)
c[:] = range(3)
print(c)
