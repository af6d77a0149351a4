# Floor division of ints by zero has its own message.
a = 1
b = 0
print(a // b)
