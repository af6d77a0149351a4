# Tuple-style assignment of names compiles to SWAP, not BUILD_TUPLE/UNPACK.
a = 1
b = 2
a, b = b, a
print(a, b)
x = 'x'
y = 'y'
z = 'z'
x, y, z = z, y, x
print(x, y, z)
