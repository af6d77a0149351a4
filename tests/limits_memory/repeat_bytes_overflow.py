# bytes * n: a length that overflows Py_ssize_t is OverflowError with its own
# message (bytes_repeat); an empty bytes repeated any number of times is empty.
b = b'ab'
print(b * 2, b'' * 2 ** 62, b * -1)
n = 2 ** 62
print(b * n)
