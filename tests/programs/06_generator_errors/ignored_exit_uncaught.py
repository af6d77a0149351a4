# Uncaught: close() on a generator that yields again after GeneratorExit raises RuntimeError.
def keeps_going():
    try:
        yield 'first'
    except GeneratorExit:
        print('  got GeneratorExit, yielding anyway')
    yield 'second'
    print('  never printed')

g = keeps_going()
print(next(g))
g.close()
