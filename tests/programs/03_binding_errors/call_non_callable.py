# Calling something that is not callable.
def f():
    return 1

x = f()
x()
