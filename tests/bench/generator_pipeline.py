# A pipeline of generators summed at the end: a source counts up, then stages
# filter, map and pair up the values, each pulling one item at a time from the
# one before it, about 9 million resumptions in all. Times RETURN_GENERATOR,
# YIELD_VALUE and resuming a suspended generator frame from FOR_ITER.
def source(n):
    i = 0
    while i < n:
        yield i
        i += 1


def not_multiple_of(k, items):
    for x in items:
        if x % k:
            yield x


def square_mod(items):
    for x in items:
        yield x * x % 65521


def pairwise_sum(items):
    previous = 0
    for x in items:
        yield previous + x
        previous = x


def run(n):
    return sum(pairwise_sum(square_mod(not_multiple_of(3, source(n)))))


print(run(3000000), sum(x * 2 for x in range(100000)))
