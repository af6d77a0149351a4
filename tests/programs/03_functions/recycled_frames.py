# A returned frame is reused for the next call: g's frame may be f's old one, and
# must not keep f's locals. g reads b before assigning it: UnboundLocalError.
def f(a, b):
    return a + b

def g(a):
    return b
    b = 1

print(f(1, 2))
print(g(5))
