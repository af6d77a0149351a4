# A dict remembers insertion order: updating a key keeps its place, deleting and
# re-adding moves it to the end.
d = {}
for word in ['banana', 'apple', 'cherry', 'apple', 'date']:
    d[word] = d.get(word, 0) + 1
print(d)
d['banana'] = 100
print(list(d))
del d['banana']
d['banana'] = 1
print(list(d))
d.update({'cherry': 0, 'elder': 5})
print(d)
d.pop('apple')
d.setdefault('apple', 9)
print(list(d.items()))
squares = {}
for n in range(5, 0, -1):
    squares[n] = n * n
print(squares, list(squares.keys())[0])
print({'b': 1, 'a': 2} == {'a': 2, 'b': 1}, list({'b': 1, 'a': 2}))
