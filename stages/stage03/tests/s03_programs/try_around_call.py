# An exception raised in a callee, inside a `try` of its caller
# (s03_interrupt.rs): CPython catches it; before stage05 that is a limit of the
# stage, never an uncaught exception. Ctrl-C in the callee is the same case.
def f():
    return 1 // 0

try:
    f()
except ZeroDivisionError:
    print('caught')
