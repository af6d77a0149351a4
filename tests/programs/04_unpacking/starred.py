# Starred targets (UNPACK_EX) collect the rest into a list, possibly empty; a
# starred expression in a display or call spreads an iterable (LIST_EXTEND,
# LIST_TO_TUPLE, SET_UPDATE, CALL_FUNCTION_EX).
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b, c = 1, 2
print(a, b, c)
*everything, = (7, 8)
print(everything)
(x, *y), z = [1, 2, 3], 4
print(x, y, z)
for p, *q in [(1, 2, 3), (4,)]:
    print(p, q)
xs = [1, 2]
print([*xs, 3, *'ab'], (*xs, *xs), {*xs, 2, 3}, [*range(3)])
print(*xs, sep='|')
print(*'abc', *[1, 2])
def total(*args):
    return sum(args), len(args)
print(total(*xs, 10, *(20, 30)))
