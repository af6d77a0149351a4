# List, set, dict comprehensions and nested ones.
words = ["apple", "banana", "cherry", "avocado"]
lengths = [len(w) for w in words]
initials = {w[0] for w in words}
by_initial = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
matrix = [[i * j for j in range(3)] for i in range(3)]
flat = [x for row in matrix for x in row if x]
print(lengths, sorted(initials), by_initial, flat)
