# range is a lazy sequence: len, indexing, slicing (a slice is a range), negative
# steps, fast `in`, index and count, equality by the values it produces.
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r[2])
print(r[1:3], r[::-1], list(r[::-1]), r[::2], r[10:])
print(7 in r, 8 in r, 19 in r, 23 in r, 7.0 in r, r.index(15), r.count(11))
down = range(10, 0, -3)
print(down, list(down), len(down), down[-1], 1 in down, 0 in down)
print(list(range(5)), list(range(-2, 3)), list(range(0)), list(range(5, 1)))
print(len(range(0, 10, 3)), len(range(10, 0)), len(range(-5, 5, 7)))
print(range(0) == range(3, 3), range(0, 6, 2) == range(0, 5, 2), range(1) == range(0, 1))
huge = range(10 ** 20)
print(huge[12345], huge[-1], 10 ** 19 in huge, huge[10 ** 19:][:3])
print(r.start, r.stop, r.step, range(4).step, bool(range(0)), bool(r))
total = 0
for i in range(100, 0, -7):
    total += i
print(total, sum(range(101)), max(range(3, 40, 9)), sorted(range(3), reverse=True))
