# str concatenation and repetition with `+` and `*` (either operand order for `*`).
a = 'ab'
b = 'cd'
n = 3
print(a + b, a * n, n * b)
print(a * 0, a * -1, '' + '', len(a * 100))
s = a + ' ' + b
print(s, len(s))
print(str(n) + a, repr(a + b))
