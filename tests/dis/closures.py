# Cells, free variables, nonlocal, lambdas capturing loop variables.
def counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def adders():
    return [lambda x, i=i: x + i for i in range(3)]


c = counter(10)
print(c(), c(5))
print([f(1) for f in adders()])
square = lambda x: x * x
print(square(7))
