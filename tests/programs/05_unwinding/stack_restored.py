# An exception mid-expression discards the half-built values; the loop goes on cleanly.
def risky(x):
    return 10 // x

results = []
for x in [5, 0, 2, 0, 1] * 200:
    try:
        results.append([x, (x, risky(x), [1, 2, risky(x - 1)])][1][1])
    except ZeroDivisionError:
        results.append(None)
print(len(results), results[:10])
print(results.count(None))
caught = 0
for i in range(300):
    try:
        for c in 'abcdef':
            if c == 'd':
                raise KeyError(c)
    except KeyError:
        caught += 1
print('caught', caught, 'times from inside a for loop')
print(sum([1, 2, 3]), 'the stack is still sound')
