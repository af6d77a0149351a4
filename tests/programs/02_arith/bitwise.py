# Bitwise operators and shifts on negative numbers follow two's complement with infinite sign bits.
a = -5
b = 3
print(a & b, a | b, a ^ b, ~a)
print(a >> 1, a >> 10, a << 3)
print(b << 62, b << 64, -b << 63)
one = 1
print(one << 100 >> 99)
print(~-one, ~one, -one >> 100)
