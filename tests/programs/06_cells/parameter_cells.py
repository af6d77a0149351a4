# Captured parameters, *args and **kwargs are copied into cells when the frame starts (MAKE_CELL).
def capture(first, *rest, **options):
    def show():
        return first, rest, sorted(options.items())
    first = first + 1
    return show

f = capture(1, 2, 3, colour='red', size=4)
print(f())
print(len(f.__closure__), [type(c.cell_contents).__name__ for c in f.__closure__])
print(capture(0)())

def default_cell(x=10, *, y=20):
    return lambda: x + y

print(default_cell()(), default_cell(1)(), default_cell(y=1)())

def unused_param(a, b):
    return lambda: b

print(len(unused_param(1, 2).__closure__), unused_param('p', 'q')())
