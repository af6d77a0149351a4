# Dict comprehensions (MAP_ADD), and merging with {**a, **b} (DICT_UPDATE), where
# later keys win but keep the place of their first appearance.
squares = {n: n * n for n in range(6)}
print(squares)
evens = {k: v for k, v in squares.items() if k % 2 == 0}
print(evens)
inverted = {v: k for k, v in {'a': 1, 'b': 2, 'c': 1}.items()}
print(inverted)
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print({**a, **b}, {**b, **a}, {**a, 'w': 0, **b, 'x': -1})
print({**{}, **{}}, {'k': 1, **a}, a | b, b | a)
c = dict(a)
c |= {'x': 100}
print(c, a)
lengths = {word: len(word) for word in 'the quick brown fox'.split()}
print(lengths)
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid)
