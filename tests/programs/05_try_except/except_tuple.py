# `except (A, B)` catches an exception of any class in the tuple.
def risky(kind):
    if kind == 'key':
        return {}['missing']
    if kind == 'index':
        return [1, 2, 3][10]
    if kind == 'zero':
        return 1 / 0
    return 'fine'

for kind in ['key', 'index', 'ok', 'zero']:
    try:
        print(kind, '->', risky(kind))
    except (KeyError, IndexError) as e:
        print(kind, '-> lookup failed:', type(e).__name__, e)
    except (ZeroDivisionError,) as e:
        print(kind, '-> arithmetic:', e)
handlers = (TypeError, ValueError)
try:
    int(None)
except handlers as e:
    print('a tuple in a variable works too:', e)
