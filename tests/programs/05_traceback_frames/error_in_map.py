# map() calls its function lazily: the error surfaces where the map is consumed, here in list().
def inverse(x):
    return 1 / x

try:
    print(list(map(inverse, [1, 0])))
except ZeroDivisionError as e:
    print('caught from inside map:', e)
inverses = map(inverse, [4, 2, 0, 1])
print('map made, nothing called yet')
print(next(inverses), next(inverses))
print(list(inverses))
