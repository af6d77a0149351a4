# send() with a value to a just-started generator is a TypeError; send() on a finished one stops.
def echo():
    while True:
        x = yield
        print('  got', x)

g = echo()
try:
    g.send('too early')
except TypeError as e:
    print(type(e).__name__ + ':', e)
print(g.send(None))
print(g.send('now fine'))

def once():
    yield 'only'

o = once()
print(next(o))
try:
    o.send('after the end')
except StopIteration as e:
    print('StopIteration', e.args)
try:
    o.send(None)
except StopIteration:
    print('still StopIteration')
