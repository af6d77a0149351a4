# `**`: int results for non-negative int exponents, float for negative ones; big results stay exact.
two = 2
ten = 10
print(two ** 10, two ** 0, two ** -1, two ** -3)
print(ten ** 20, ten ** -2)
print(two ** 100)
print((-two) ** 3, (-two) ** 4, (-two) ** -1)
print(0 ** two, two ** 0.5, 2.0 ** two, 4 ** 0.5)
zero = 0
print(zero ** zero, 0.0 ** zero, 1 ** -ten)
f = 1.0001
print(f ** 10000, 10.0 ** -ten)
