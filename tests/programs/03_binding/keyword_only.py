# Parameters after * are keyword-only, with or without defaults.
def f(a, *, key, flag=False):
    return a, key, flag

print(f(1, key="k"))
print(f(1, flag=True, key="k2"))
