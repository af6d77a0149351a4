# The twelve binary operators on ints (BINARY_OP 0..12 except @), applied to names so nothing is folded.
a = 17
b = 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, a ** b)
print(a & b, a | b, a ^ b, a << b, a >> b)
