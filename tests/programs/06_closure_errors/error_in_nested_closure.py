# Uncaught: an error three closures deep; the traceback shows each inner function by name.
def make_divider(denominators):
    def divide_all(n):
        def one(d):
            return n // d
        return [one(d) for d in denominators]
    return divide_all

print(make_divider([1, 2, 5])(100))
print(make_divider([3, 0])(9))
