# A list cannot be a dict key or a set item: it has no hash.
d = {(1, 2): 'tuple keys are fine'}
print(d[(1, 2)])
d[[1, 2]] = 'a list key is not'
