# chr() of a negative code point.
print(chr(-1))
