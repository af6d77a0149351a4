# Truth testing of every kind of value: zero numbers and empty containers are
# false; everything else (non-empty containers, functions, other objects) is true.
def f():
    return None

values = [None, False, True, 0, 1, -1, 2 ** 100, -(2 ** 100), 0.0, -0.0, 0.5,
          float('nan'), float('inf'), 0j, 1j, '', ' ', '0', b'', b'\x00',
          (), (0,), [], [[]], {}, {0: 0}, set(), {0}, frozenset(), frozenset([0]),
          range(0), range(1), range(5, 5), f, print, len, ...]
for v in values:
    if v:
        verdict = 'true'
    else:
        verdict = 'false'
    print(repr(v) if v is not f else 'function f', verdict, bool(v), not v)
