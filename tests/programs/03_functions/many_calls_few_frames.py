# 900 nested calls stay under the limit of 1000 frames.
def down900(n):
    return n

def chain(f, times):
    return f(times)

def d1(n): return n + 1
def d2(n): return d1(d1(n))
def d3(n): return d2(d2(n))
def d4(n): return d3(d3(n))
def d5(n): return d4(d4(n))

print(d5(0))
print(chain(down900, 900))
