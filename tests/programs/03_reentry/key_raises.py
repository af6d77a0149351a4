# An exception raised in a key function leaves the nested loop and the
# builtin, and ends the program like any other.
def bad_key(value):
    return value / 0


print("before")
print(max((1, 2), key=bad_key))
