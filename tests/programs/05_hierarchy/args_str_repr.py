# e.args holds the constructor's arguments; str(e) and repr(e) depend on how many there are.
for e in [ValueError(), ValueError('one'), ValueError('one', 2), ValueError(3.5), ValueError(None)]:
    print(len(e.args), e.args, '| str:', repr(str(e)), '| repr:', repr(e))
for e in [KeyError('k'), KeyError(), KeyError('a', 'b'), IndexError('i'), KeyError(1)]:
    print(type(e).__name__, '| str:', str(e), '| repr:', repr(e))
e = RuntimeError('a', ('nested', 1), [2])
print(e.args[1], e.args[2][0])
print(f'{e}', f'{e!r}', 'formatted:', str(TypeError('plain message')))
try:
    raise KeyError('raised', 'too')
except KeyError as raised:
    print('raised, the same args:', raised.args, raised)
print(repr(StopIteration(7)), StopIteration(7).value, StopIteration().value)
