# A generator is an iterator: iter(g) is g, and once consumed it yields nothing more.
g = (c for c in 'abc')
print(iter(g) is g)
print('b' in g, list(g))
print(list(g), 'b' in g)

def pairs():
    yield 1
    yield 2
    yield 3

p = pairs()
first, *rest = p
print(first, rest, list(p))
q = pairs()
a = list(zip(q, q))
print(a, list(q))
r = pairs()
for x in r:
    print('outer loop got', x)
    for y in r:
        print('  inner loop got', y)
