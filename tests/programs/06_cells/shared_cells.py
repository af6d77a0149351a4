# Sibling closures share one cell with the defining frame: a write by any of them is seen by all.
def make_box(value):
    def get():
        return value
    def put(new):
        nonlocal value
        value = new
    print('  box starts with', value)
    put(value * 2)
    print('  frame sees its own change through the cell:', value)
    return get, put

get, put = make_box(5)
print(get())
put('hello')
print(get())
print(get.__closure__[0] is put.__closure__[0])
print(get.__closure__[0].cell_contents)
get2, put2 = make_box(1)
put2(-1)
print(get(), get2(), get.__closure__[0] is get2.__closure__[0])
