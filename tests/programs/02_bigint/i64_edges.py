# The edges of a 64-bit machine integer: results that overflow i64 must become big ints silently.
one = 1
max64 = 2 ** 63 - one
min64 = -max64 - one
print(max64, min64)
print(max64 + one, min64 - one, -min64, abs(min64))
print(min64 // -one, min64 * -one, min64 % -one)
print(max64 * 2, max64 * max64, min64 * min64)
print(one << 63, one << 64, -one << 63)
print(2 ** 64, 2 ** 64 - one, -(2 ** 64))
print(max64 // 2, min64 // 2, min64 >> 1, min64 >> 63)
