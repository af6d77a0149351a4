# Shifting by a negative count.
one = 1
n = -1
print(one << n)
