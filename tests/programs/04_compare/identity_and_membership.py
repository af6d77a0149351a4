# `is` / `is not` (IS_OP) compare identity; `in` / `not in` (CONTAINS_OP) ask a
# container whether it holds an item equal to (or identical with) the value.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c)
print(None is None, None is not None, True is True, a[0] is a[0])
x = None
print(x is None, x is not None)
print(2 in a, 3 in a, 3 not in a, 1.0 in a, True in a)
print('ell' in 'hello', 'le' in 'hello', '' in 'abc', 'x' not in 'abc')
print(b'el' in b'hello', 101 in b'hello', 120 not in b'hello')
print(2 in (1, 2), (1, 2) in [(1, 2)], [1] in [[1], [2]])
d = {'one': 1, 'two': 2}
print('one' in d, 1 in d, 2 not in d, 1 in d.values(), ('two', 2) in d.items())
s = {1, 2, 3}
print(2 in s, 2.0 in s, 4 in s, 'a' in frozenset('abc'))
print(5 in range(0, 10, 5), 7 in range(0, 10, 5), -3 in range(0, -10, -3))
print(10 ** 30 in range(10 ** 31), 2.0 in range(3), 2.5 in range(3))
