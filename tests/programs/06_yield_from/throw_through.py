# throw() goes to the innermost generator; what it does not handle comes out of the yield from.
def inner():
    try:
        yield 'inner 1'
    except KeyError as e:
        print('  inner handled', repr(e))
        yield 'inner after KeyError'
    yield 'inner 2'

def outer():
    try:
        yield from inner()
    except ValueError as e:
        print('  outer handled', repr(e))
        yield 'outer after ValueError'
    yield 'outer end'

g = outer()
print(next(g))
print(g.throw(KeyError('k')))
print(next(g))
print(g.throw(ValueError('v')))
print(next(g))
print(next(g, 'exhausted'))
h = outer()
print(next(h), next(h))
print(h.throw(ValueError('while inner is at its last yield')))
print(list(h))
