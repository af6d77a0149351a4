# Three or more missing: commas and a final "and".
def f(a, b, c, d):
    return a

f()
