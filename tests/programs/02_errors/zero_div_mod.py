# Modulo of ints by zero.
a = 1
b = 0
print(a % b)
