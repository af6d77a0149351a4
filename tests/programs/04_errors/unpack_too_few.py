# Unpacking needs exactly as many items as targets: too few is a ValueError
# that says how many were expected and how many came.
rows = [(1, 2, 3), (4, 5, 6), (7, 8)]
for row in rows:
    a, b, c = row
    print(a + b + c)
