# Positional-only, keyword-only, defaults, *args, **kwargs, annotations.
def f(a, b=2, /, c=3, *args, d, e=5, **kwargs) -> tuple:
    return (a, b, c, args, d, e, kwargs)


def g(x: int, *, y: "str" = "y") -> None:
    print(x, y)


print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
g(1, y="why")
print(f.__defaults__, f.__kwdefaults__)
