# Returning tuples, None, other functions' results; a call's value used in expressions.
def pair(a, b):
    return a, b

def swap(t):
    return t + t

def nothing():
    return

p = pair("left", "right")
print(p)
print(swap(p))
print(nothing())
print(pair(1, 2) + pair(3, 4))
