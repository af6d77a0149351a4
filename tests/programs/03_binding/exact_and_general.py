# Exact positional calls (the fast path) mixed with calls that need defaults,
# keywords and *args (the general binding), all through reused frames.
def add(a, b):
    return a + b

def dflt(a, b=10):
    return a * b

def star(*args):
    return args

print(add(1, 2), dflt(3), dflt(3, 4), add(b=5, a=6), star(1, 2))
print(add(add(1, 2), add(3, 4)), dflt(add(1, 1)), star(add(0, 1), dflt(1, 1)))
