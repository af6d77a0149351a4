# `range` is a builtin of stage04: an earlier stage must not call it a NameError.
print("before")
n = range
