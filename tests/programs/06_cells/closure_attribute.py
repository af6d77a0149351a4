# f.__closure__ is None for a plain function, else a tuple of cells in free-variable name order.
def plain(x):
    return x

def make(word, number):
    def both():
        return word * number
    def one():
        return number
    return both, one

both, one = make('ab', 3)
print(plain.__closure__ is None, type(both.__closure__).__name__)
print(len(both.__closure__), len(one.__closure__))
print([c.cell_contents for c in both.__closure__])
print(one.__closure__[0].cell_contents, type(one.__closure__[0]).__name__)
print(both(), one())
print(make('x', 1)[0].__closure__[0].cell_contents)
lam = (lambda k: lambda: k)(42)
print(len(lam.__closure__), lam.__closure__[0].cell_contents)
