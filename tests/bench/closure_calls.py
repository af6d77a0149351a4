# Calling closures in a loop: adders and scalers made by factories read their
# captured values (LOAD_DEREF), and a counter rebinds its nonlocal total
# (STORE_DEREF) on every call, 6 million closure calls in all. Times
# calls of closures and access to cells.
def make_adder(n):
    def add(x):
        return x + n
    return add


def make_scaler(factor, offset):
    return lambda x: (x * factor + offset) % 1000003


def make_counter():
    total = 0
    def count(step):
        nonlocal total
        total += step
        return total
    return count


def run(n):
    adders = [make_adder(k) for k in range(8)]
    scale = make_scaler(31, 7)
    count = make_counter()
    value = 0
    for i in range(n):
        add = adders[i & 7]
        value = scale(add(value))
        count(value & 15)
    return value, count(0)


print(run(2000000))
