# Two missing arguments are listed with "and".
def f(a, b, c):
    return a

f(1)
