# A function object's attributes: name, qualname, defaults, kwdefaults, code.
def f(a, b=2, *, c=3, d):
    return a

def g():
    pass

print(f.__name__, f.__qualname__)
print(f.__defaults__, f.__kwdefaults__)
print(g.__defaults__, g.__kwdefaults__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames)
