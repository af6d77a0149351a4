# Builtins reject unknown keywords with the same words.
print("ok", sepp="-")
