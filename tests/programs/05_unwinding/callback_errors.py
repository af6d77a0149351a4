# An exception raised in a function called by a builtin (sorted's key, map, filter) propagates.
def strict_len(x):
    if x is None:
        raise ValueError('None has no length')
    return len(x)

data = ['ccc', 'a', None, 'bb']
try:
    print(sorted(data, key=strict_len))
except ValueError as e:
    print('sorted:', e)
try:
    print(list(map(strict_len, data)))
except ValueError as e:
    print('map:', e)
try:
    print(list(filter(strict_len, data)))
except ValueError as e:
    print('filter:', e)
try:
    print(max(data, key=strict_len))
except ValueError as e:
    print('max:', e)
print(sorted(data[:2] + data[3:], key=strict_len))
