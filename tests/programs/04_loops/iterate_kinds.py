# A for loop iterates over anything iterable: GET_ITER makes the iterator and
# FOR_ITER asks it for items until it is exhausted.
for c in 'héllo':
    print(c, end=',')
print()
for b in b'AZaz':
    print(b, end=',')
print()
for item in (1, 'two', 3.0, None):
    print(repr(item), end=' ')
print()
d = {'x': 1, 'y': 2, 'z': 3}
for key in d:
    print(key, d[key], end='; ')
print()
for key, value in d.items():
    print(key + '=' + str(value), end=' ')
print()
for n in {3, 1, 2}:
    print(n, end=' ')
print()
for i in range(10, 0, -3):
    print(i, end=' ')
print()
it = iter([1, 2, 3, 4])
for x in it:
    print('took', x, 'skipped', next(it))
for x in it:
    print('not printed: the iterator is exhausted')
