# A generator's `return v` ends it with StopIteration whose .value is v; a bare return gives None.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return 'liftoff'

def early(items):
    for x in items:
        if x < 0:
            return
        yield x

g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('value', e.value, 'args', e.args)
g = early([1, -1, 2])
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('value', e.value, 'args', e.args)
print(list(countdown(3)), [x for x in early([5, 6])])

def no_yield_reached():
    return 42
    yield

try:
    next(no_yield_reached())
except StopIteration as e:
    print('returned before any yield:', e.value)
