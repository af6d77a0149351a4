# A generator dropped from the stack of a frame that an exception leaves is
# closed before the handler runs; one that a global still holds is closed when
# the program ends, as the module's names are cleared.
def numbers(name):
    try:
        yield 1
        yield 2
    finally:
        print('  closed', name)


def first_then_fail():
    for n in numbers('on the stack'):
        raise ValueError(n)


try:
    first_then_fail()
except ValueError as e:
    print('caught', e)

kept = numbers('in a global')
print(next(kept))
print('end of the program')
