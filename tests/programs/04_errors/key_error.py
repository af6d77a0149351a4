# Subscripting a dict with a missing key raises KeyError naming the key's repr
# (get() would return None instead).
d = {'a': 1, 'b': 2}
print(d['a'], d.get('x'))
for key in ['b', 'x', 'a']:
    print(key, d[key])
