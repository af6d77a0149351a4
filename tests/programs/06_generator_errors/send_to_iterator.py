# yield from a plain iterator: next() passes through, but send(v) needs a send method it lacks.
def relay(items):
    yield from items

r = relay([1, 2, 3])
print(next(r))
print(r.send(None))
try:
    r.send('x')
except AttributeError as e:
    print(type(e).__name__ + ':', e)
print(next(r, 'the AttributeError ended the relay'))
r2 = relay(iter('abc'))
print(next(r2))
try:
    r2.throw(KeyError('k'))
except KeyError as e:
    print('throw with no throw method raises at the yield from:', repr(e))

def bad():
    yield from 5

try:
    next(bad())
except TypeError as e:
    print(type(e).__name__ + ':', e)
