# The count of a repetition must fit Py_ssize_t, a negative one too
# (sequence_repeat: PyNumber_AsSsize_t raises OverflowError).
s = 'ab'
print(repr(s * -2 ** 62))
n = -2 ** 70
print(s * n)
