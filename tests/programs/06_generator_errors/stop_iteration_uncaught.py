# Uncaught: StopIteration inside a generator is turned into RuntimeError; both are printed.
def pairs(items):
    it = iter(items)
    while True:
        a = next(it)
        b = next(it)
        yield a, b

print(list(pairs([1, 2, 3, 4])))
