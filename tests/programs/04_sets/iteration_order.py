# A set iterates in hash-table order, not insertion order: small ints land in
# slot n, so they come out sorted; strings depend on their hash, which is the same
# every run only under a fixed PYTHONHASHSEED (the corpus is recorded with 0).
# Items whose slots collide keep the order they were added in, so the sets that
# collide are built with set([...]) from a list, whose order the .pyc keeps.
print({3, 1, 2}, {10, 5, 0, 7, 2}, {100, 1, 50})
print({2 ** 61, 1, 2 ** 61 + 1}, {-5, 5, -6}, set([8, 16, 0]), set([0, 16, 8]))
# hash(-1) == hash(-2) == -2: the two always collide.
print(set([-1, -2, 1, 2]), set([-2, -1, 1, 2]))
print(set(['apple', 'banana', 'cherry', 'date']))
print({'a', 'b', 'c', 'd', 'e', 'f'})
print(set('hello world'), frozenset('python'))
print({b'x', b'y', b'z'}, {(1, 2), (2, 1), ()})
print({1.5, 0.25, 2.0, -3.5}, {True, 0, 'x', 2.5, (1,)})
s = set()
for word in 'the quick brown fox jumps over the lazy dog'.split():
    s.add(word)
print(s, len(s))
for item in set(['x', 'y', 'z', 3, 4]):
    print(item, end=' ')
print()
grown = set(range(20))
grown.discard(7)
grown.add(100)
print(grown)
print(sorted({'pear', 'fig', 'apple'}), list({30, 10, 20}))
