# Values passed up a chain of 30 generators nested by recursive yield from: every
# value yielded at the bottom crosses all 30 levels (SEND and YIELD_VALUE at each),
# and the return values come back up the chain. Times delegation through yield from.
def chain(depth, n):
    if depth == 0:
        for i in range(n):
            yield i
        return n
    count = yield from chain(depth - 1, n)
    return count + 1


def drain(depth, n):
    total = 0
    for value in chain(depth, n):
        total += value
    return total


print(drain(30, 400000), drain(5, 100000))
