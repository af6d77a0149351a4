# str * n: a length that fits Py_ssize_t but cannot be allocated is MemoryError,
# as CPython's PyUnicode_New raises it.
s = 'ab'
n = 2 ** 61
print('before')
print(len(s * n))
