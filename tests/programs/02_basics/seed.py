# The seed example: two constants stored, loaded, added, stored and printed.
x = 1
y = 2
z = x + y
print(z)
