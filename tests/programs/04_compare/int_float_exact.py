# Comparisons between ints and floats are exact: a big int is not rounded to a float
# first, and infinities and NaN compare the way IEEE 754 says.
n = 2 ** 53
f = float(n)
print(n == f, n + 1 == f, n + 1 > f, n - 1 < f)
print(f + 1 == f, n + 1 > f + 1)
huge = 10 ** 400
inf = float('inf')
print(huge < inf, -huge > -inf, huge == inf, huge > 1e308)
print(inf == inf, inf > 1e308, -inf < -1e308)
nan = float('nan')
print(nan < huge, nan > huge, nan == huge, nan != huge)
print(0.5 < 1, 0.5 > 0, -0.0 == 0, 1 / 3 < 0.34)
print(2 ** 64 == 18446744073709551616.0, 2 ** 64 + 1 == 18446744073709551616.0)
print(True < 2, False < True, True + True == 2, True == 1.0)
