# float() of text that is not a number.
print(float('abc'))
