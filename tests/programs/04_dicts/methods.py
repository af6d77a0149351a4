# dict methods: get, setdefault, update, pop, popitem (last in, first out),
# copy and clear, and dict() built several ways.
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d['b'])
print(d.setdefault('a', 100), d.setdefault('c', 3), d.setdefault('n'), d)
d.update({'a': 10, 'd': 4})
d.update([('e', 5)], f=6)
d.update(g=7)
print(d)
print(d.pop('a'), d.pop('zz', 'missing'), d)
print(d.popitem(), d.popitem(), d)
e = d.copy()
e['b'] = 'changed'
print(d['b'], e['b'])
print(e.clear(), e, len(d))
print(dict(x=1, y=2), dict([('k', 'v'), (1, 2)]), dict({'a': 1}, b=2))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0))
del d['c']
d[('tuple', 'key')] = 'ok'
d[None] = 'none key'
print(d, d[None], d[('tuple', 'key')])
