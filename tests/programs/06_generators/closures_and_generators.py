# Generators that are closures: they read cells of the enclosing function when resumed.
def make_stream(words):
    separator = '-'
    def stream():
        for w in words:
            yield w + separator
    gen = stream()
    first = next(gen)
    separator = '+'
    return first, list(gen)

print(make_stream(['a', 'b', 'c']))

def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    def values():
        while count < 3:
            yield count
    return bump, values()

bump, values = counter_gen()
bump()
print(next(values))
bump()
print(next(values))
bump()
print(next(values, 'stopped: count reached 3'))
