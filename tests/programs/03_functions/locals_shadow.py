# A local shadows a global of the same name; the global is untouched.
x = "global x"

def f():
    x = "local x"
    return x

def g():
    return x

print(f())
print(g())
print(x)
