# A bare `raise` adds no line of its own: the traceback shows where the exception was first raised.
def divide(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        print('cannot divide', a, 'by', b)
        raise

print(divide(7, 2))
print(divide(7, 0))
