# Swapping and rotating with tuple assignment: the compiler uses SWAP for two and
# three targets, building no tuple; the right side is evaluated first.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = 'x', 'y', 'z'
x, y, z = z, x, y
print(x, y, z)
w, x, y, z = 1, 2, 3, 4
w, x, y, z = z, y, x, w
print(w, x, y, z)
items = [5, 3, 8, 1]
items[0], items[3] = items[3], items[0]
print(items)
i = 0
i, items[i] = 2, 'i was 2 first'
print(i, items)
f1, f2 = 0, 1
for _ in range(10):
    f1, f2 = f2, f1 + f2
print(f1, f2)
def bubble(xs):
    for i in range(len(xs)):
        for j in range(len(xs) - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs
print(bubble([4, 2, 9, 1, 5, 2]))
