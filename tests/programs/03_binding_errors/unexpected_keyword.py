# A keyword that matches no parameter and there is no **kwargs.
def f(a, b):
    return a

f(1, b=2, z=3)
