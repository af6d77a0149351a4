# The sieve of Eratosthenes on a list of flags: subscript stores in a while loop
# over the multiples, then a count and the last primes found.
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    return flags


flags = sieve(3000000)
count = 0
last = []
for n in range(len(flags)):
    if flags[n]:
        count += 1
        last.append(n)
print(count, last[-3:])
