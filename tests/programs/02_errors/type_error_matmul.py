# `@` (BINARY_OP 4) exists for no built-in type.
a = 2
b = 3
print(a @ b)
