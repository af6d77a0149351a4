# bytes * n: the length 2**62 fits Py_ssize_t, and allocating it fails: MemoryError.
b = b'ab'
n = 2 ** 61
print('before')
print(len(b * n))
