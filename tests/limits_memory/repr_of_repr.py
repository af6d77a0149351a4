# Each call takes the repr of the last repr: its backslashes double at every
# level, so the text passes a gigabyte within 30 calls, long before the
# recursion limit. MemoryError, as in CPython; stage03 on (a function).
def g(x):
    return g(repr(x))


g('a')
