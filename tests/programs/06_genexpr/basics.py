# Generator expressions: a lazy comprehension, passed bare as a call's only argument.
print(sum(x * x for x in range(10)))
print(max(len(w) for w in ['a', 'abcd', 'abc']))
print(list(c.upper() for c in 'hello' if c != 'l'))
print(tuple((i, j) for i in range(3) for j in range(i, 3)))
print(sorted((n % 7 for n in range(20)), reverse=True))
print('-'.join(str(n) for n in range(5)))
print(dict((k, k * 2) for k in 'ab'), set(n // 3 for n in range(9)) == {0, 1, 2})
squares = (n * n for n in range(4))
print(type(squares).__name__, squares.__name__)
print(next(squares), next(squares), list(squares), list(squares))
matrix = [[1, 2], [3, 4], [5, 6]]
print(list(sum(row) for row in matrix), sum(x for row in matrix for x in row if x % 2))
