# f(*x) needs an iterable.
def f(*args):
    return args

f(*5)
