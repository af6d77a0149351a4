# True, False and None: printing, str/repr, and bool as a small int in arithmetic.
t = True
f = False
n = None
print(t, f, n)
print(repr(t), str(f), repr(n))
print(t + t, t * 10, -t, ~t, t / 2, t // 1)
print(t & f, t | f, t ^ t, t & 3)
print(not t, not f, not n, not 0, not 'x')
print(bool(0), bool(1), bool(''), bool('a'), bool(()), bool(n), bool(0.0), bool(-0.5))
