# Parameters before / are positional-only; their names are free for **kwargs.
def f(a, b, /, c, **kw):
    return a, b, c, kw

print(f(1, 2, 3))
print(f(1, 2, c=3))
print(f(1, 2, 3, a="not the a parameter", b="nor b"))
