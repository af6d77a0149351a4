# Each generator keeps its own frame: locals and loop position survive between next() calls.
def accumulate(step, label):
    total = 0
    count = 0
    while count < 4:
        total += step
        count += 1
        yield label + ':' + str(total)

gens = [accumulate(1, 'a'), accumulate(10, 'b'), accumulate(100, 'c')]
rows = []
for _ in range(4):
    rows.append([next(g) for g in gens])
for row in rows:
    print(row)
print([next(g, 'done') for g in gens])

def walk(items):
    for i, item in enumerate(items):
        for j in range(i):
            yield (item, j)

print(list(walk('abc')))
