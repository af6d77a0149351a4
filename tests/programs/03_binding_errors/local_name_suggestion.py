# A mistyped local: the guess comes from the function's own variables first.
def average(values, count):
    total = values * 2
    return totl / count


print(average(3, 2))
