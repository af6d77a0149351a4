# The repr of 2**29 backslashes is 2**30 + 2 characters: sized first, then
# allocated once (unicode_repr), it fits, as in CPython.
print(len(repr('\\' * 2**29)))
