# MAKE_FUNCTION with annotations: a flat tuple of name/value pairs becomes a dict.
def scale(x: float, factor: int = 2) -> float:
    return x * factor

print(scale(1.5))
print(scale(1.5, 4))
print(scale.__annotations__)
