# An exception raised in a handler is caught by an enclosing try in the same function.
def safe_ratio(a, b):
    try:
        try:
            return a / b
        except ZeroDivisionError:
            print('  zero divisor, trying the fallback')
            return a / fallback[b]
    except KeyError as e:
        print('  no fallback for', e, '- context:', repr(e.__context__))
        return None

fallback = {}
print(safe_ratio(1, 4))
print(safe_ratio(1, 0))
fallback[0] = 8
print(safe_ratio(1, 0))
