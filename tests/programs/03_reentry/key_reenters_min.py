# A key function that calls min with itself as the key: each round is a call
# of the builtin and a frame of the function, and both count toward the
# recursion limit (a C call counts a level in CPython 3.11), so it ends after
# 500 rounds with the message of a builtin's call.
def key(value):
    return min((value,), key=key)


print("start")
key(1)
