# Assigning to an extended slice needs exactly as many items as it selects.
a = list(range(6))
a[::2] = 'xyz'
print(a)
a[::2] = [1, 2]
