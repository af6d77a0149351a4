# Defaults fill the last positional parameters; they are evaluated once, at definition.
start = 100

def f(a, b=start, c=start + 1):
    return a, b, c

start = 0
print(f(1))
print(f(1, 2))
print(f(1, c=3))
print(f.__defaults__)
