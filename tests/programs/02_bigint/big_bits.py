# Shifts and bitwise operators on big ints, and their conversions to text.
one = 1
big = one << 100
print(big, big >> 90, big >> 200)
print(big | one, big & (big - one), big ^ (big + 5))
print(-big & 0xFFFF, -big >> 95, ~big)
print(hex(big), oct(big), bin(big >> 90))
print(hex(-big - 255))
