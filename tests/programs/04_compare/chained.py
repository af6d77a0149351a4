# A chained comparison `a < b < c` is `a < b and b < c` with `b` evaluated once,
# and it stops at the first false link.
def value(name, v):
    print('  evaluate', name)
    return v

x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4 < 5, 1 < 3 < 2 < 4)
print(0 <= x <= 5 == 5.0 != 6)
print('chain of three:')
print(value('a', 1) < value('b', 2) < value('c', 3))
print('stops early:')
print(value('a', 3) < value('b', 2) < value('c', 1))
print('mixed operators:')
print(value('a', 1) == value('b', 1) is not value('c', None))
print('in a chain:', 1 in [1, 2] in [[1, 2]], 'a' < 'b' in 'abc')
if 0 < x < 3:
    print('small')
elif 3 <= x < 7:
    print('medium')
else:
    print('large')
