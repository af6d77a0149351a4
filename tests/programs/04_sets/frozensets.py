# frozenset: an immutable set, so it can be a dict key or a set's item, and equal
# to a set with the same items.
f = frozenset([1, 2, 3])
g = frozenset((3, 2, 1))
print(f, g, f == g, f == {1, 2, 3}, hash(f) == hash(g))
d = {f: 'one two three', frozenset(): 'empty'}
print(d[g], d[frozenset()], frozenset() in d)
sets = {f, g, frozenset([1]), frozenset('ab')}
print(len(sets), frozenset('ba') in sets)
print(f | {4}, f & {2, 3, 5}, f - {1}, f ^ {1, 9})
print(f.union([7]), f.intersection([1, 9]), f.issubset(range(10)), f.copy() is f)
print(frozenset(), frozenset(range(3)), frozenset(f) is f, len(f), 2 in f)
groups = {}
for word in ['pots', 'stop', 'tops', 'cat', 'act', 'dog']:
    groups.setdefault(frozenset(word), []).append(word)
print(list(groups.values()))
