# A 1 GB str fits; a tuple of its 2**30 characters does not (8 GB in CPython).
s = 'x' * 2**30
print(len(s))
t = tuple(s)
print(len(t))
