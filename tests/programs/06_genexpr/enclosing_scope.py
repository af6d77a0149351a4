# Inside a function a generator expression reads the function's locals through cells, when it runs.
def scaled(values, factor):
    gen = (v * factor for v in values)
    first = next(gen)
    factor = 100
    return first, list(gen)

print(scaled([1, 2, 3], 2))

def rows(n):
    return list(tuple(i * j for j in range(n)) for i in range(n))

print(rows(3))

def totals(groups, weight):
    return {name: sum(x * weight for x in group) for name, group in groups}

print(totals([('a', [1, 2]), ('b', [])], 3))

def rebinding_iterable():
    items = [1, 2]
    gen = (x for x in items)
    items = [7, 8, 9]
    return list(gen), items

print(rebinding_iterable())
