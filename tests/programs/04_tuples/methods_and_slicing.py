# Tuples: index and count, indexing and slicing (a slice of a tuple is a tuple),
# concatenation and repetition, and the one-item tuple's repr.
t = (3, 'a', 3, None, 3.0, (1, 2))
print(t.index(3), t.index('a'), t.index(3, 1), t.index((1, 2)), t.count(3))
print(t.count(None), t.count('zzz'), t[0], t[-1], t[-1][0])
print(t[1:3], t[::2], t[::-1], t[10:], t[:0])
print((1,), (), (1, 2) + (3,), ('x',) * 3, (1, 2) * 0)
u = t
t += ('new',)
print(len(t), len(u), t is u)
print(tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple())
nested = ((1, 2), (3, 4))
print(nested[1][0], nested[0] < nested[1], ((),) == ((),))
point = 3, 4
x, y = point
print(point, x * y, type(point).__name__)
holder = ([1],)
holder[0].append(2)
print(holder)
