# True division of ints by zero.
a = 1
b = 0
print('before')
print(a / b)
