# str * n: when the length would overflow Py_ssize_t, CPython says OverflowError
# (unicode_repeat); a count below one gives '', a count of one the str itself.
s = 'ab'
print(repr(s * 0), repr(s * -5), s * 1, len(s * 3))
n = 2 ** 62
print(s * n)
