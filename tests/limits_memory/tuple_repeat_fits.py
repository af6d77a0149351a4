# A tuple of 10**8 items: 0.8 GB in CPython, 2.4 GB here (a value is 24 bytes,
# a CPython item an 8-byte pointer). Both fit a 4 GB address space when the
# tuple is allocated once, straight to its size.
x = (1,) * 10**8
print(len(x))
