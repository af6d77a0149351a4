# PEP 479: a StopIteration escaping a generator's body becomes RuntimeError, caused by it.
def firsts(iterables):
    for it in iterables:
        yield next(iter(it))

g = firsts(['ab', 'cd', '', 'ef'])
print(next(g), next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__ + ':', e)
    print('cause:', type(e.__cause__).__name__, e.__cause__.args, e.__suppress_context__)
print(next(g, 'the generator is finished'))

def explicit():
    yield 1
    raise StopIteration('spelled out')

try:
    print(list(explicit()))
except RuntimeError as e:
    print(e, '<-', repr(e.__cause__))

def fine():
    yield 1
    return 'a return is how a generator stops'

print(list(fine()))
