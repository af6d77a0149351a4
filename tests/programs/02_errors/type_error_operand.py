# An operator with no implementation for the operand types.
a = 1
n = None
print(a + n)
