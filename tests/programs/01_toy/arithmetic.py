# The toy's arithmetic, in Python.
print(2 + 3 * 4)
print((2 + 3) * 4)
print(7 - 10)
