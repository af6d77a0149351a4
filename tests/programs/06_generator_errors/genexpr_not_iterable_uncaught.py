# Uncaught: the first iterable of a generator expression is checked when it is created.
def totals(rows):
    return [sum(x for x in row) for row in rows]

print(totals([[1, 2], (3,), range(4)]))
print(totals([[1], 7]))
