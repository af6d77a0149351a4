# range() with a step of zero is a ValueError.
for step in [5, 3]:
    print(list(range(0, 10, step)))
r = range(0, 10, 0)
