# Several except clauses are tried in order; the first that matches wins.
def classify(value):
    try:
        return 100 // int(value)
    except ZeroDivisionError:
        return 'zero'
    except ValueError as e:
        return 'not a number: ' + str(e)
    except TypeError:
        return 'wrong type'

for value in ['4', '0', 'x', None, 7.9]:
    print(repr(value), '->', classify(value))
try:
    {'a': 1}['b']
except LookupError:
    print('LookupError listed first catches the KeyError')
except KeyError:
    print('not reached: the earlier clause matched')
