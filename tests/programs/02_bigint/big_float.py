# Converting between big ints and floats: correct rounding both ways.
big = 2 ** 100
print(float(big), big * 1.0, big + 0.5)
print(int(1e30), int(-1.5e20), int(2.0 ** 70))
n = 9007199254740993
print(float(n), n + 0.0, int(float(n)))
print(10 ** 20 / 3, 10 ** 22 * 1.0, 10 ** 23 * 1.0)
