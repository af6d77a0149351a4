# A tuple of 10**8 ints made from bytes: built straight into the tuple (no
# list in between), it fits, as in CPython.
print(len(tuple(b'x' * 10**8)))
