# repr(), str() and type() of values computed at run time.
a = 7
b = 2
print(repr(a / b), str(a // b), type(a / b), type(a // b))
print(type(a ** -b), type(a ** b), type(divmod(a, b)), type(-a))
print(repr(str(a)), repr(repr(a)), type(str(a)), type(repr(a)))
