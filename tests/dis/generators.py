# Generators, yield from, send, generator expressions.
def countdown(n):
    while n > 0:
        received = yield n
        if received:
            n = received
        n -= 1
    return "liftoff"


def delegate():
    result = yield from countdown(3)
    yield result


gen = delegate()
print(next(gen), gen.send(None), list(gen))
print(sum(x * x for x in range(10) if x % 2))
