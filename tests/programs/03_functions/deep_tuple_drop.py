# A tuple nested ten million deep, built with no loop: `a` wraps its argument
# ten times, `b` calls `a` ten times, and so on up to `g`. Dropping it must not
# recurse once per level (CPython's "trashcan", Py_TRASHCAN_BEGIN): the
# interpreter frees it one level at a time.
def a(t):
    return ((((((((((t,),),),),),),),),),)


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


def g(t):
    return f(f(f(f(f(f(f(f(f(f(t))))))))))


x = g(())
print("built")
x = 0
print("dropped")
