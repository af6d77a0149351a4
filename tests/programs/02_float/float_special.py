# Infinities, NaN and negative zero.
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, float('-inf'), float('-nan'), float('Infinity'))
print(inf + 1, inf * -2, inf - inf, inf * 0, 1 / inf, -1 / inf)
z = -0.0
print(z, 0.0 * -1, -z, z + 0.0, z * z, abs(z))
print(float('1e500'), -float('1e500'), 1e308 * 10)
print(int(1e18), repr(nan), str(inf))
