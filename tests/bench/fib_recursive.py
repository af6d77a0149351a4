# Recursive Fibonacci: about 11 million calls of a two-line function, each with a
# comparison, a branch and two subtractions. Times calls and returns with a
# little arithmetic between them.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(33))
