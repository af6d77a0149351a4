# Zero to a negative power.
zero = 0
print(zero ** -1)
