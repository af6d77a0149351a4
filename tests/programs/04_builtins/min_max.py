# min and max: over several arguments or one iterable, with a key function and a
# default for an empty iterable; ties keep the first item found.
def last_char(s):
    return s[-1]

def negate(x):
    return -x

print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max('hello'), min((2, 1.5)))
print(max(['apple', 'fig', 'banana'], key=len), min(['apple', 'fig', 'kiwi'], key=len))
print(max('abc', 'abd', 'ab'), min([[2], [1, 5], [1]]), max(range(10), key=negate))
print(max(['ax', 'bz', 'cz'], key=last_char), min(['ax', 'bz', 'cy', 'dx'], key=last_char))
print(min([], default='empty'), max([], default=None), max([7], default=0))
print(min([3, 1], key=negate, default=0), max(1, 2.5, True), min(-0.0, 0), min(0, -0.0))
print(max({'a': 3, 'b': 1}), max({'a': 3, 'b': 1}.values()), min({5, 3, 9}))
scores = {'ann': 7, 'bob': 9, 'cy': 9}
print(max(scores, key=scores.get), min(scores.items(), key=last_char))
