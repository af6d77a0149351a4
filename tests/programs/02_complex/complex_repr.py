# The corners of complex repr: signed zeros, exponents, and a negative base to a fractional power.
j = 1j
print(-j, j * -1, 0 * j, j - j)
print(1e20j, 1e-5 + 1.5j, 2.5j * 2)
base = -8
print(base ** (1 / 3))
big = 1e308
print(j * big * 10)
