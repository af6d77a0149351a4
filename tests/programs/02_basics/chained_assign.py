# `a = b = value` evaluates once and uses COPY 1 to store the same object into two names.
a = b = 10
print(a, b)
first = second = third = 'same'
print(first, second, third)
a = b = a + b
print(a, b)
