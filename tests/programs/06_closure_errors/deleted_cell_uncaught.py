# Uncaught: a function reads its own cell variable after `del`, an UnboundLocalError.
def totals(values):
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in values:
        add(v)
    print('total', total)
    del total
    return total

totals([1, 2, 3])
