# Set methods: add, discard, remove, pop, update and friends, and the union,
# intersection and difference methods, which take any iterables (and several).
s = {5, 1}
print(s.add(3), s.add(1), s)
print(s.discard(1), s.discard(99), s)
print(s.remove(3), s)
s.update([7, 8], (9,), range(2))
print(s, len(s))
print(s.pop(), s.pop(), s)
print(s.union([1], {2}), s.intersection(range(8), [5, 7]), s.difference({5}, [8]))
print(s.symmetric_difference([0, 100]), s.copy() == s, s.copy() is s)
t = {1, 2, 3, 4, 5, 6}
t.intersection_update(range(5))
print(t)
t.difference_update([1], [2])
print(t)
t.symmetric_difference_update({4, 5})
print(t)
print(t.clear(), t, set([3, 2, 1]), set('aab') == {'a', 'b'})
evens = {n for n in range(10) if n % 2 == 0}
print(evens, {n % 3 for n in range(10)}, {*'ab', *[1, 2]} == {1, 2, 'a', 'b'})
