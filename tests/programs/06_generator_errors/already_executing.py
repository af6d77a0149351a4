# A generator that calls next() on itself while it runs: ValueError: generator already executing.
def selfish():
    yield 1
    try:
        next(me)
    except ValueError as e:
        print('  inside:', type(e).__name__ + ':', e)
    yield 2
    yield me.send(None)

me = selfish()
print(next(me))
print(next(me))
try:
    next(me)
except ValueError as e:
    print('propagated:', e)
print(next(me, 'finished by the ValueError'))

def via_list():
    yield 'a'
    yield list(again)

again = via_list()
print(next(again))
try:
    next(again)
except ValueError as e:
    print('list() re-entered it:', e)
