# Float repr is the shortest string that round-trips; exponent form below 1e-4 and from 1e16.
print(0.1, 0.5, 100.0, 1.0, 2.5)
print(1e15, 1e16, 123456789012345678.0, 1e22, 1e23)
print(0.0001, 0.00001, 1.5e-7, 5e-324)
print(1.7976931348623157e308, 2.2250738585072014e-308)
a = 0.1
b = 0.2
print(a + b, 1 / 3.0, 2 / 3.0, 1.1 * 3)
print(repr(a), str(b), repr(1e16), str(1e-05))
print(123.456, -0.001, 1e100, 12345678.9)
