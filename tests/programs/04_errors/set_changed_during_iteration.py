# A set changed while iterating over it raises RuntimeError too.
s = {1, 2, 3}
for item in s:
    print('visiting', item)
    s.add(item * 10)
