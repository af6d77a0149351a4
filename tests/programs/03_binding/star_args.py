# *args collects surplus positional arguments into a tuple.
def f(first, *rest):
    return first, rest

print(f(1))
print(f(1, 2, 3))
def count(*items):
    return len(items)
print(count(), count("a", "b"))
