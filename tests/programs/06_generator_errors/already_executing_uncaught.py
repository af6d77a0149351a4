# Uncaught: a generator whose body advances itself through a helper function.
def advance(gen):
    return next(gen)

def numbers():
    yield 1
    yield advance(g)

g = numbers()
for n in g:
    print(n)
