# List, set and dict comprehensions at module level: each is a small function
# (MAKE_FUNCTION, then called on the iterator) that appends with LIST_APPEND,
# SET_ADD or MAP_ADD; conditions filter and several for clauses nest.
squares = [n * n for n in range(8)]
print(squares)
print([n for n in squares if n % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[c for c in 'ab'] for _ in range(3)], [sum(row) for row in [[1, 2], [3]]])
print({n % 4 for n in range(20)}, {c.upper() for c in 'banana'} == {'A', 'B', 'N'})
print({w: len(w) for w in ['one', 'three', 'five']})
print([c for c in 'hello world' if c not in 'aeiou '])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([x for row in matrix for x in row if x > 2])
print([x if x % 2 else -x for x in range(6)], [] == [x for x in []])
n = 10
print([n for n in range(3)], n)
