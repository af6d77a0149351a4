# A builtin called with the wrong number of arguments.
print(abs(1, 2))
