# Lambdas and comprehensions inside a function read the function's locals through cells.
def rank(words, order):
    position = {c: i for i, c in enumerate(order)}
    return sorted(words, key=lambda w: [position[c] for c in w])

print(rank(['cab', 'abc', 'bca', 'ba'], 'cba'))

def scale_all(rows, factor, offset):
    return [[x * factor + offset for x in row] for row in rows]

print(scale_all([[1, 2], [3], []], 10, 1))

def index_words(words, minimum):
    return {w: len(w) for w in words if len(w) >= minimum}, sorted({w[0] for w in words if w})

print(index_words(['apple', 'fig', 'banana', 'kiwi', ''], 4))

def filter_by(limit):
    keep = lambda x: x < limit
    found = list(filter(keep, [5, 1, 9, 3, 7]))
    limit = 8
    return found, list(filter(keep, [5, 1, 9, 3, 7]))

print(filter_by(4))
