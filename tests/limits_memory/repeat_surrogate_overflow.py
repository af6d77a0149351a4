# A str with a lone surrogate repeats like any str: OverflowError past Py_ssize_t.
s = '\udc80x'
print(repr(s * 2), len(s * 3))
n = 2 ** 62
print(s * n)
