# Positional arguments fill parameters in order.
def f(a, b, c):
    return f"a={a} b={b} c={c}"

print(f(1, 2, 3))
print(f("x", "y", "z"))
