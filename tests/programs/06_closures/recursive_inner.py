# An inner function that calls itself reads its own name from the enclosing frame's cell.
def fib_table(n):
    cache = {}
    def fib(k):
        if k < 2:
            return k
        if k not in cache:
            cache[k] = fib(k - 1) + fib(k - 2)
        return cache[k]
    return [fib(i) for i in range(n)], len(cache)

print(fib_table(15))
print(fib_table(90)[0][-1])

def flatten(tree):
    out = []
    def walk(node):
        if isinstance(node, list):
            for child in node:
                walk(child)
        else:
            out.append(node)
    walk(tree)
    return out

print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))
