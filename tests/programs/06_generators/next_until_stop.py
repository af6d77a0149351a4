# A generator function returns a generator; next() runs it to each yield, then StopIteration.
def three():
    yield 'one'
    yield 'two'
    yield 'three'

g = three()
print(type(g).__name__, three.__name__)
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.args)
print(next(g, 'default once exhausted'))
print(list(three()), [w.upper() for w in three()])
for word in three():
    print('for loop got', word)
