# send() passes through yield from to the innermost generator, whose yields come straight back.
def inner():
    total = 0
    while True:
        value = yield 'inner total ' + str(total)
        if value is None:
            return total
        total += value

def outer():
    while True:
        result = yield from inner()
        got = yield 'outer saw ' + str(result)
        if got == 'stop':
            return 'outer done'

g = outer()
print(next(g))
print(g.send(5))
print(g.send(7))
print(next(g))
print(next(g))
print(g.send(1))
print(next(g))
try:
    g.send('stop')
except StopIteration as e:
    print('StopIteration', e.value)
