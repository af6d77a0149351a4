# A counter factory: each call makes a new cell, so every counter counts on its own.
def make_counter(start):
    count = start
    def step():
        nonlocal count
        count += 1
        return count
    return step

a = make_counter(0)
b = make_counter(100)
print(a(), a(), a())
print(b(), b())
print(a(), b())
c = make_counter(0)
print(c(), 'a is still at', a())
print([a() for _ in range(3)])
print(a.__name__, b.__name__, a is b)
