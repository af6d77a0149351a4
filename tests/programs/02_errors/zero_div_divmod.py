# divmod() by zero.
print(divmod(7, 0))
