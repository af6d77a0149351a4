# f(*args, **kwargs) compiles to CALL_FUNCTION_EX: unpacking at the call site.
def f(a, b, c=0, *, d=0):
    return a, b, c, d

args = (1, 2, 3)
print(f(*args))
print(f(*(10, 20)))

def forward(*args, **kwargs):
    return f(*args, **kwargs)

print(forward(1, 2, d=4))
print(forward(5, b=6))
