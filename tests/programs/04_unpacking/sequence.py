# UNPACK_SEQUENCE: the right side may be any iterable with exactly as many items
# as there are targets; targets may be nested, subscripts, or loop variables.
a, b, c = 1, 2, 3
print(a, b, c)
x, y = [10, 20]
print(x, y)
first, second = 'hi'
print(first, second)
p, q, r = range(3)
print(p, q, r)
k1, k2 = {'one': 1, 'two': 2}
print(k1, k2)
(m, n), o = (1, 2), 3
print(m, n, o)
d = {}
d['a'], d['b'] = 'AB'
print(d)
items = [0, 0, 0]
items[0], items[2] = 5, 7
print(items)
for name, (lo, hi) in [('low', (0, 5)), ('high', (5, 10))]:
    print(name, lo, hi, hi - lo)
single, = [42]
print(single)
t = 1, 2
u, v = t
print(u + v)
