# yield from delegates to any iterable: a list, a range, a string, a tuple, another generator.
def letters():
    yield 'x'
    yield 'y'

def everything():
    yield from [1, 2]
    yield from range(3, 5)
    yield from 'ab'
    yield from ()
    yield from letters()
    yield 'end'

print(list(everything()))

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, [4, [5]]]], [], [[6, 7]], 8])))

def inorder(tree):
    if tree is not None:
        left, value, right = tree
        yield from inorder(left)
        yield value
        yield from inorder(right)

tree = ((None, 1, None), 2, ((None, 3, None), 4, (None, 5, None)))
print(list(inorder(tree)))
