# next() on an exhausted iterator, without a default, raises StopIteration
# (a for loop catches it silently; a bare next() does not).
it = iter('abc')
for ch in it:
    print(ch)
print(next(it, 'default'))
print(next(it))
