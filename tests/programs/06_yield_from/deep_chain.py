# A 500-level yield from chain built by recursion: values, sends and return values cross it.
def chain(n):
    if n == 0:
        got = yield 'bottom'
        got = yield 'bottom got ' + str(got)
        return 0
    depth = yield from chain(n - 1)
    return depth + 1

g = chain(500)
print(next(g))
print(g.send('hello'))
try:
    g.send(None)
except StopIteration as e:
    print('levels returned through:', e.value)

def nest(n):
    if n == 0:
        yield from range(3)
    else:
        yield from nest(n - 1)
        yield n

values = list(nest(500))
print(len(values), values[:5], values[-2:])
