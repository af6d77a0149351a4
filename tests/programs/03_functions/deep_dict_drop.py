# Dicts nested a million deep (no loop: each function calls the one below ten
# times): dropping them frees one level at a time, never recursing per level.
def a(t):
    return {"k": {"k": {"k": {"k": {"k": {"k": {"k": {"k": {"k": {"k": t}}}}}}}}}}
def b(t):
    return a(a(a(a(a(a(a(a(a(a(t))))))))))
def c(t):
    return b(b(b(b(b(b(b(b(b(b(t))))))))))
def d(t):
    return c(c(c(c(c(c(c(c(c(c(t))))))))))
def e(t):
    return d(d(d(d(d(d(d(d(d(d(t))))))))))
def f(t):
    return e(e(e(e(e(e(e(e(e(e(t))))))))))
x = f((1, {}))
print("built")
x = 0
print("dropped")
