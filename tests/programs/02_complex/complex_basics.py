# Complex numbers: literals, arithmetic and repr (parentheses when there is a real part).
a = 1 + 2j
b = 3 - 4j
print(1j, 2j, a, b, 0j)
print(a + b, a - b, a * b, a / b)
print(abs(b), -a, +a, a ** 2)
print(a + 1, a * 2.5, 2 - a, 1j * 1j)
