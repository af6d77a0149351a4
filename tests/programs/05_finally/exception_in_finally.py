# An exception raised in finally replaces the one propagating, which becomes its context.
def cleanup_fails():
    try:
        raise ValueError('original')
    finally:
        print('cleaning up')
        raise TypeError('cleanup failed')

try:
    cleanup_fails()
except ValueError:
    print('not printed: the ValueError was replaced')
except TypeError as e:
    print('caught', type(e).__name__, e)
    print('its context:', repr(e.__context__))
try:
    try:
        pass
    finally:
        x = [][1]
except IndexError as e:
    print('a finally after a quiet try can raise too:', e, e.__context__)
