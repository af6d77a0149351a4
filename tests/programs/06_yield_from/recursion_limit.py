# Recursing 10,000 generators deep through yield from hits the recursion limit: RecursionError.
def down(n):
    if n == 0:
        yield 'bottom'
    else:
        yield from down(n - 1)

try:
    print(list(down(10000)))
except RecursionError as e:
    print(type(e).__name__, issubclass(type(e), RuntimeError))
print(list(down(50)))

def tree_size(n):
    if n > 0:
        yield from tree_size(n - 1)
        yield n

try:
    print(sum(tree_size(10000)))
except RecursionError as e:
    print('again', type(e).__name__)
print(sum(tree_size(100)))
