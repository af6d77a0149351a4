# DELETE_FAST, then reading the deleted local: UnboundLocalError.
def f():
    value = 42
    print(value)
    del value
    return value

f()
