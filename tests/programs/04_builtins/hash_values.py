# hash() of the hashable built-in values: an int is its own hash (modulo 2**61 - 1,
# and -1 becomes -2), numbers that are equal hash alike, and str and bytes hashes
# are fixed by PYTHONHASHSEED (the corpus is recorded with 0).
print(hash(0), hash(1), hash(-1), hash(-2), hash(123456789))
print(hash(True), hash(False), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(2 ** 100), hash(-(2 ** 100)), hash(10 ** 30))
print(hash(1.0), hash(0.5), hash(-0.0), hash(1.5), hash(1e100))
print(hash(float('inf')), hash(float('-inf')), hash(-1.0), hash(2.0 ** -3))
print(hash(2.0 ** 70) == hash(2 ** 70), hash(0.1), hash(-2.5))
print(hash(''), hash('a'), hash('hello'), hash('é'), hash('日本'))
print(hash(b''), hash(b'a'), hash(b'hello'), hash('hello') == hash(b'hello'))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash(('a', 1.5)))
print(hash((1, 2)) == hash((1.0, True + 1)), hash(frozenset()), hash(frozenset([1, 2])))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(5, 5)))
