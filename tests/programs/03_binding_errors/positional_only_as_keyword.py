# A positional-only parameter passed by keyword, without **kwargs.
def f(a, /, b):
    return a

f(a=1, b=2)
