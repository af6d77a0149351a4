# A parameter given both positionally and by keyword.
def f(a, b):
    return a

f(1, 2, a=3)
