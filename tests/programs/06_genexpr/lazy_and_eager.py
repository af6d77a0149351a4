# A generator expression evaluates its first iterable at once, and everything else only when asked.
log = []

def numbers(label):
    log.append('numbers(' + label + ') called')
    return [1, 2, 3]

def check(x):
    log.append('check ' + str(x))
    return x != 2

g = (x * 10 for x in numbers('outer') if check(x))
print(log)
print(next(g), log)
print(list(g), log)
log.clear()
h = (x + y for x in numbers('first') for y in numbers('second'))
print(log)
print(next(h), log)
try:
    bad = (x for x in 42)
except TypeError as e:
    print('at creation:', e)
lazy_error = (1 // x for x in [1, 0])
print('made; the division by zero has not happened yet')
print(next(lazy_error))
try:
    next(lazy_error)
except ZeroDivisionError as e:
    print('on the second item:', e)
