# Mixing int, bool and float: the result is the "wider" type.
i = 3
f = 0.5
t = True
print(i + f, i * f, i - f, i / f, i // f, i % f)
print(i + t, f + t, t + t, t * f)
print(i ** f, f ** i, t ** i)
print(1e300 * 1e300, -1e300 * 1e300)
print(i * 1.0, i + 0.0, 0.0 * -i)
