# A closure over a loop variable sees the variable's last value, not its value at creation.
def make_all():
    funcs = []
    for i in range(4):
        funcs.append(lambda: i)
    return funcs

print([f() for f in make_all()])
print([f() for f in [lambda: j for j in range(4)]])
print([f() for f in [lambda j=j: j for j in range(4)]])

def make_fixed():
    def capture(value):
        return lambda: value
    return [capture(i) for i in range(4)]

print([f() for f in make_fixed()])

def rebinding():
    x = 'before'
    show = lambda: x
    first = show()
    x = 'after'
    return first, show()

print(rebinding())
