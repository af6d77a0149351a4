# min and max call a key function written in Python: the builtin runs the
# function's frame in a nested eval loop and gets its result back.
def negate(value):
    return -value


def last_digit(value):
    return value % 10


print(min((3, 1, 2), key=negate), max((3, 1, 2), key=negate))
print(min(25, 13, 41, key=last_digit), max(25, 13, 41, key=last_digit))
print(min((), key=negate, default="empty"))
print(max("banana", "fig", "cherry", key=len))
