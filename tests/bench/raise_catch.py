# Exceptions as control flow: a loop raises and catches a ValueError in a called
# function, a KeyError from a dict lookup and a ZeroDivisionError, 650000 times
# in all. Times RAISE_VARARGS, unwinding through the exception table,
# PUSH_EXC_INFO, CHECK_EXC_MATCH and POP_EXCEPT, and making exception objects.
def check(n):
    if n % 3 == 0:
        raise ValueError(n)
    return n


def count_failures(n):
    table = {0: 'zero', 2: 'two', 4: 'four'}
    failures = 0
    found = 0
    for i in range(n):
        try:
            check(i)
        except ValueError:
            failures += 1
        try:
            found += len(table[i % 6])
        except KeyError:
            failures += 1
        try:
            found += 12 // (i % 4)
        except ZeroDivisionError as e:
            failures += 1
    return failures, found


print(count_failures(600000))
