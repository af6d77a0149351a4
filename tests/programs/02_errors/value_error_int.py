# int() of text that is not a number.
print(int('x'))
