# next() on an exhausted iterator raises StopIteration, which can be caught; a default avoids it.
it = iter([10, 20])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print('exhausted:', repr(e), e.args, e.value)
print(next(it, 'default'))
words = iter('ab')
while True:
    try:
        w = next(words)
    except StopIteration:
        print('loop ends on StopIteration')
        break
    print('word', w)
try:
    next(iter({}))
except Exception as e:
    print(type(e).__name__, 'is an Exception:', isinstance(e, Exception))
