# Modulo of a float by zero.
x = 1.5
zero = 0
print(x % zero)
