# Constants of every repr kind: frozensets, non-ASCII and surrogate strings,
# big ints, floats, complex numbers, bytes, nested tuples.
small = 1 in {1, 2, 3}
names = "b" in {"alpha", "b", "gamma", "delta"}
mixed = 2.5 in {1, 2.5, "x", -3}
empty = ()
colliding = 5 in {0, 8, 16, 24, 32, 3, 11, 40}
one = (1,)
nested = (1, (2, ("three", 4.0)), None, True, ...)
text = "h\u00e9llo w\u00f6rld \u2603 \U0001f600 tab\t quote' \"both\""
quoted = 'it\'s'
lone = "\udc80"
control = "\x00\x7f\x85\xa0\u200b\u2028"
big = 123456789012345678901234567890
negative_big = -98765432109876543210
hexbig = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
floats = (0.1, 1e16, 1e-5, 1.5e300, 5e-324, 123456.789, 1e22, -0.0, 2.0, float("inf"))
inf = 1e400
ninf = -1e400
cplx = (2j, 1.5 - 2j, -0.0 + 1j, 1e400j, 3 + 0j, -1j, 1e-7j)
data = b"\x00bytes'\"\\\xff"
print(small, names, mixed, nested, text, quoted, len(lone), control, big, negative_big)
print(hexbig, floats, inf, ninf, cplx, data, empty, one)
