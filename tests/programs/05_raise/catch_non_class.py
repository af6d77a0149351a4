# An except clause naming a non-exception class raises TypeError, but only when it is tested.
try:
    print('no exception, so the bad clause is never evaluated')
except 42:
    print('not printed')
try:
    try:
        1 / 0
    except 'ZeroDivisionError':
        print('not printed')
except TypeError as e:
    print('string clause ->', e)
    print('context:', repr(e.__context__))
try:
    try:
        [][0]
    except (IndexError, 3):
        print('not printed: every item of the tuple is checked first')
except TypeError as e:
    print('tuple clause ->', e)
try:
    {}['x']
except ValueError:
    print('not printed')
except KeyError:
    print('a later good clause is fine')
