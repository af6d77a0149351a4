# throw() raises the exception at the paused yield; a generator that catches it yields again.
def resilient():
    count = 0
    while True:
        try:
            yield count
        except ValueError as e:
            print('  caught inside:', e)
            count += 100
        count += 1

g = resilient()
print(next(g), next(g))
print('throw returned', g.throw(ValueError('bad value')))
print(next(g))
print('throw returned', g.throw(ValueError('again')))
try:
    g.throw(KeyError('not handled'))
except KeyError as e:
    print('propagated out:', repr(e))
print('finished:', next(g, 'exhausted'))

fresh = resilient()
try:
    fresh.throw(ValueError('before start'))
except ValueError as e:
    print('not started, so not caught inside:', e)
print(next(fresh, 'fresh is exhausted'))
