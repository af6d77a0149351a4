# Nested for loops over ranges with small-int arithmetic in the body: a 3D
# triple loop that accumulates a checksum modulo a prime. Times FOR_ITER,
# BINARY_OP on small ints and local-variable traffic.
def checksum(n):
    total = 0
    for i in range(n):
        for j in range(n):
            row = i * j + 1
            for k in range(n):
                total = (total + row * k + (i ^ k)) % 1000003
    return total


print(checksum(200))
