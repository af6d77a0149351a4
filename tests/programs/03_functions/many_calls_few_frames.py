# Many calls, few frames: d5 makes 31 calls but never more than 6 frames deep.
def apply(f, value):
    return f(value)

def d1(n): return n + 1
def d2(n): return d1(d1(n))
def d3(n): return d2(d2(n))
def d4(n): return d3(d3(n))
def d5(n): return d4(d4(n))

print(d5(0))
print(apply(d5, 100))
