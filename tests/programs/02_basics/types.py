# type() of every stage02 value, and printing a builtin function.
print(type(1), type(1.5), type(2j))
print(type('s'), type(b'b'), type(()))
print(type(True), type(None))
print(type(print), type(type(1)))
print(print, len)
print(repr(abs), str(type(1.0)))
