# ValueError from conversions and methods given a value of the right type but the wrong content.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except ValueError as e:
        print(label, '->', e)

attempt('int', lambda: int('x'))
attempt('int base', lambda: int('12', 2))
attempt('float', lambda: float('1.2.3'))
attempt('remove', lambda: [1, 2].remove(3))
attempt('index', lambda: 'hello'.index('z'))
attempt('list index', lambda: [1, 2].index(5))
attempt('chr', lambda: chr(-1))
attempt('shift', lambda: 1 << -1)
attempt('max', lambda: max([]))
attempt('range', lambda: range(0, 5, 0))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('unpack ->', e)
try:
    a, b, c = 'xy'
except ValueError as e:
    print('unpack ->', e)
