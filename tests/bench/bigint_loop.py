# Big-integer arithmetic in a loop: the 200000th Fibonacci number by repeated
# addition, 10000! by repeated multiplication, and a checksum of the factorial's
# base-10**18 digits by divmod. Mostly measures the big-integer library, with the
# loop around it.
a, b = 0, 1
for _ in range(200000):
    a, b = b, a + b
print(a.bit_length(), a % 1000000007)
f = 1
for i in range(2, 10001):
    f *= i
print(f.bit_length(), f % 998244353)
checksum = 0
n = f
while n:
    n, d = divmod(n, 10 ** 18)
    checksum = (checksum * 31 + d) % 1000000007
print(checksum)
