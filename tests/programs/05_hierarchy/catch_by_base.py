# An except clause naming a base class catches its subclasses (LookupError, ArithmeticError...).
def fail(kind):
    if kind == 'key':
        return {}['k']
    if kind == 'index':
        return 'abc'[5]
    if kind == 'zero':
        return 5 % 0
    if kind == 'overflow':
        return float(10 ** 400)
    return int('not a number')

for kind in ['key', 'index', 'zero', 'overflow', 'value']:
    try:
        fail(kind)
    except LookupError as e:
        print(kind, 'LookupError caught', type(e).__name__, e)
    except ArithmeticError as e:
        print(kind, 'ArithmeticError caught', type(e).__name__, e)
    except Exception as e:
        print(kind, 'Exception caught', type(e).__name__, e)
