# yield is an expression: a bare yield gives None, and its value is what send() passes in.
def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    yield received

g = echo()
print(next(g))
print(g.send('a'), g.send('b'), g.send('c'))
print(next(g))

def bare():
    x = yield
    y = yield
    print('  bare got', x, y)

b = bare()
print(next(b), b.send(1))
try:
    b.send(2)
except StopIteration:
    print('bare finished')

def adder():
    total = 0
    while True:
        total += yield total

a = adder()
next(a)
print([a.send(n) for n in [5, 10, 20]])
