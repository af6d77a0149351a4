# Every kind of parameter at once, as CPython's initialize_locals binds them.
def f(p1, p2=2, /, n1=3, *args, k1, k2=6, **kwargs):
    print(p1, p2, n1, args, k1, k2, kwargs)

f(1, k1=5)
f(1, 20, 30, 40, 50, k1=5, k2=60, extra=7)
f(1, n1="named", k1="kw")
print(f.__code__.co_varnames)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
