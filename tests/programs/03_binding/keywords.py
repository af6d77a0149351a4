# Keyword arguments match parameter names, in any order; KW_NAMES names them.
def f(a, b, c):
    return f"a={a} b={b} c={c}"

print(f(1, c=3, b=2))
print(f(c="C", a="A", b="B"))
