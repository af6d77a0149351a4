# keys(), values() and items() are live views: they show later changes to the dict.
d = {'x': 1, 'y': 2}
keys = d.keys()
values = d.values()
items = d.items()
print(keys, values, items)
d['z'] = 3
del d['x']
print(keys, values, items)
print(len(keys), 'y' in keys, 'x' in keys, 3 in values, ('z', 3) in items)
print(list(keys), list(values), list(items), sorted(d.values(), reverse=True))
print(keys & {'y', 'w'}, keys | {'a'} == {'a', 'y', 'z'}, keys - {'y'})
print(keys == {'y', 'z'}, list(reversed(keys)))
for k, v in d.items():
    print(k, '->', v)
total = 0
for v in d.values():
    total += v
print(total, sum(d.values()), max(d), min(d.items()))
