# Uncaught: an error in the innermost generator of a pipeline; the traceback shows every stage.
def source(texts):
    for t in texts:
        yield t

def lengths(items):
    for item in items:
        yield len(item)

def halves(numbers):
    for n in numbers:
        yield n // 2

print(list(halves(lengths(source(['abcd', 'xy'])))))
print(sum(halves(lengths(source(['abc', None, 'z'])))))
