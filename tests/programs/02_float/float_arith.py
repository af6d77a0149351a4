# Float arithmetic is IEEE 754 double precision.
x = 2.5
y = 0.75
print(x + y, x - y, x * y, x / y)
print(x // y, x % y, x ** y, y ** x)
print(-x, +x, not x, abs(-x))
print(x + 1, 1 - y, 3 * x, 2 / x)
print(1e16 + 1, 1e16 + 2, 0.1 * 3, 10 ** -5 * 1.0)
print(round(x), round(y, 1), 7.0 // 2, -7.0 // 2)
