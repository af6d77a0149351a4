# 1, 1.0 and True are equal and hash alike, so they are one dict key: the first
# key object stays, the last value wins.
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
e = {True: 'a', 1: 'b', 1.0: 'c'}
print(e)
f = {0: 'zero', False: 'false', 0.0: 'float zero', -0.0: 'negative zero'}
print(f)
print(d[1], d[1.0], d[True], 1.0 in d, True in d, 2 in d)
big = {2 ** 64: 'big', 2.0 ** 64: 'big float'}
print(big)
s = {1, 1.0, True, 2, 2.0}
print(s, len(s))
g = {(1, 2): 'tuple'}
print(g[(1.0, 2.0)], g[(True, 2)])
