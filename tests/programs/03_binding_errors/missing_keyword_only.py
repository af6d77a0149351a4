# A missing keyword-only argument has its own message.
def f(a, *, key):
    return a

f(1)
