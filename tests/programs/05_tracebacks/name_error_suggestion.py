# An uncaught NameError for a mistyped name ends with CPython's "Did you mean".
try:
    undefined_thing
except NameError as e:
    print("caught:", e, "| name:", e.name)


def average(values):
    total = sum(values)
    return totl / len(values)


print(average([1, 2, 3]))
