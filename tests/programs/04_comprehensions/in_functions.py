# Comprehensions inside functions that use only the iterated values (and
# globals), so they need no closure: the function's iterable is passed in as `.0`.
def squares(xs):
    return [x * x for x in xs]

def evens(xs):
    return {x for x in xs if x % 2 == 0}

def index_of(words):
    return {w: i for i, w in enumerate(words)}

def flatten(rows):
    return [x for row in rows for x in row]

def lengths(words):
    result = [len(w) for w in words]
    result.sort()
    return result

print(squares(range(5)), squares([]))
print(evens([1, 2, 3, 4, 10]))
print(index_of(['a', 'b', 'c']))
print(flatten([[1, 2], [], [3]]))
print(lengths(['ccc', 'a', 'bb']))
print(squares(squares([1, 2, 3])))
