# Two tuples nested a million deep, built with no loop (as
# tests/programs/03_functions/deep_tuple_drop.py builds one). Comparing them
# must not follow them down the Rust stack: CPython's PyObject_RichCompare
# counts each level toward the recursion limit, and so do min and max here, so
# the comparison stops with RecursionError (stage03 on: functions). A tuple
# compared with itself is equal at once: identical items are not compared.
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


x = f(1)
y = f(1)
print(len(min(x, x)), len(max(y, y)), len(min(x, x, key=len)))
print(len(max(x, y)))
