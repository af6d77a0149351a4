# Floor division and modulo round toward negative infinity: the remainder has the divisor's sign.
a = 7
b = -7
print(a // 2, b // 2, a // -2, b // -2)
print(a % 2, b % 2, a % -2, b % -2)
x = 7.5
y = -7.5
print(x // 2, y // 2, x // -2, y // -2)
print(x % 2, y % 2, x % -2, y % -2)
z = 0.0
w = -1.0
print(z % w, -z % 1, w % 3, w // 3)
print(divmod(a, 2), divmod(b, 2), divmod(a, -2), divmod(x, 2), divmod(y, 2))
