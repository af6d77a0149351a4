# Adding a key to a dict while iterating over it raises RuntimeError at the next
# step of the iteration.
d = {'a': 1, 'b': 2}
for key in d:
    print('visiting', key)
    d[key + key] = 0
