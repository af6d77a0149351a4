# An exception raised in the body reaches the caller of next(); the generator is then finished.
def parse(texts):
    for t in texts:
        yield int(t)

g = parse(['1', '2', 'three', '4'])
print(next(g), next(g))
try:
    next(g)
except ValueError as e:
    print('caught:', e)
print('frame gone:', g.gi_frame is None, '- next gives', next(g, 'nothing'))

def safe_parse(texts):
    for t in texts:
        try:
            yield int(t)
        except ValueError:
            print('  the caller threw ValueError into safe_parse')
    yield 'end'

def tolerant(texts):
    for t in texts:
        try:
            n = int(t)
        except ValueError:
            continue
        yield n

print(list(tolerant(['1', 'x', '3'])))
s = safe_parse(['5', '6'])
print(next(s), s.throw(ValueError('x')), list(s))
