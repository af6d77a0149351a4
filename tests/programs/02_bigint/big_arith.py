# Ints have arbitrary precision: results past 64 bits keep every digit.
a = 12345678901234567890
b = 98765432109876543210
print(a + b, a - b, a * b)
print(b // a, b % a, -b // a, -b % a)
print(divmod(b, 7), divmod(-b, 7))
c = a * b * a * b
print(c)
print(c - c + 1, c // c)
print(-c, abs(-c), +c)
