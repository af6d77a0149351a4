# Builtins that make or drive iterators: iter and next (with a default),
# enumerate, zip (stopping at the shortest), map, filter, sum, any, all.
def double(x):
    return 2 * x

def odd(x):
    return x % 2 == 1

it = iter([10, 20])
print(next(it), next(it), next(it, 'done'), next(it, None))
print(list(enumerate('abc')), list(enumerate(['x', 'y'], 1)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip(range(3), range(3, 6), 'xyz')))
print(list(map(double, [1, 2, 3])), list(map(pow, [2, 3], [5, 2])), list(map(str, range(3))))
print(list(filter(odd, range(10))), list(filter(None, [0, 1, '', 'a', [], [0]])))
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(5), 100))
print(any([]), any([0, '', 1]), all([]), all([1, 'a', 0]), any(map(odd, [2, 4, 5])))
pairs = zip('ab', [1, 2])
print(dict(pairs), list(pairs))
m = map(double, [5])
print(next(m), next(m, 'exhausted'))
e = enumerate('xy')
print(iter(e) is e, next(e), list(e))
names = ['a', 'b']
ages = [30, 40]
for i, (name, age) in enumerate(zip(names, ages)):
    print(i, name, age)
