# bytes(n) takes a count that fits Py_ssize_t (OverflowError otherwise), is not
# negative (ValueError) and can be allocated (MemoryError).
print(bytes(3), bytes(True), len(bytes(100000)))
n = 2 ** 63
print(bytes(n))
