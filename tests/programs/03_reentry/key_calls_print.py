# A key function that prints: the output of the nested frame goes where the
# program's output goes, in order.
def noisy(value):
    print("key of", value)
    return value * value


print(min((-3, 2, -1), key=noisy))
