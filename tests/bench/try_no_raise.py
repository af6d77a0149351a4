# The same hot loop twice, once plain and once with its body inside try/except
# (and try/finally) that never raise. In 3.11 entering a try executes no
# instruction (the exception table is consulted only when something raises), so
# both should take the same time. Times the zero-cost try.
def plain(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000003
    return total


def guarded(n):
    total = 0
    for i in range(n):
        try:
            total = (total + i * i) % 1000003
        except ZeroDivisionError:
            total = -1
    return total


def guarded_finally(n):
    total = 0
    count = 0
    for i in range(n):
        try:
            total = (total + i * i) % 1000003
        finally:
            count += 1
    return total, count


print(plain(2000000), guarded(2000000), guarded_finally(2000000))
