# Nested loops: each loop has its own iterator on the stack; break and continue
# act on the innermost loop only.
for i in range(1, 5):
    row = ''
    for j in range(1, 5):
        row += f'{i * j:4}'
    print(row)
pairs = []
for a in range(4):
    for b in range(4):
        if b > a:
            break
        if (a + b) % 2:
            continue
        pairs.append((a, b))
print(pairs)
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
total = 0
for row in grid:
    for cell in row:
        total += cell
print('sum of grid:', total)
found = None
for r, row in enumerate(grid):
    for c, cell in enumerate(row):
        if cell == 6:
            found = (r, c)
            break
    if found:
        break
print('6 is at', found)
