# An uncaught exception raised in a handler prints both tracebacks, joined by "During handling...".
def average(values):
    try:
        return sum(values) / len(values)
    except ZeroDivisionError:
        print('empty list, reporting')
        raise ValueError('cannot average ' + repr(values))

print(average([1, 2, 3]))
print(average([]))
