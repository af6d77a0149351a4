# Functions are values: stored in names, passed as arguments, called through PUSH_NULL.
def twice(f, x):
    return f(f(x))

def inc(n):
    return n + 1

def exclaim(s):
    return s + "!"

alias = inc
print(alias(1))
print(twice(inc, 10))
print(twice(exclaim, "hey"))
print(inc.__name__, inc.__qualname__, exclaim.__name__)
