# Assignment anywhere in a function makes the name local: reading it first fails.
total = 1

def f():
    print("before")
    total = total + 1
    return total

f()
