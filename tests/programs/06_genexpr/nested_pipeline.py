# Generator expressions chained into a pipeline: nothing runs until the final sum pulls.
def words(text):
    start = 0
    for i, c in enumerate(text + ' '):
        if c == ' ':
            if i > start:
                yield text[start:i]
            start = i + 1

text = 'the cat sat on the mat with another cat'
lengths = (len(w) for w in words(text))
long_ones = (n for n in lengths if n > 2)
print(sum(long_ones))
vowels = (sum(1 for c in w if c in 'aeiou') for w in words(text))
print(list(vowels))
print(max((len(w), w) for w in words(text)))
grid = ((r, c) for r in range(3) for c in range(3) if r != c)
print(list(grid))
print(list(x for x in (y * 2 for y in (z + 1 for z in range(4)))))
