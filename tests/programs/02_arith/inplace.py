# The in-place operators (BINARY_OP 13..25 except @=): `x op= y` loads, operates, and stores back.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 7
print(x)
x **= 3
print(x)
x <<= 2
print(x)
x >>= 1
print(x)
x &= 0b111100
print(x)
x |= 0b11
print(x)
x ^= 0b1010
print(x)
x /= 4
print(x)
s = 'ab'
s += 'cd'
s *= 2
print(s)
t = (1,)
t += (2, 3)
print(t)
