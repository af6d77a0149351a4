# Every kind of binding stores into a nonlocal cell: unpacking, swaps, for targets and walrus.
def run():
    a, b = 1, 2
    last = None
    found = None
    def swap():
        nonlocal a, b
        a, b = b, a
    def loop():
        nonlocal last
        for last in ['x', 'y', 'z']:
            pass
    def search(values):
        nonlocal found
        return [v for v in values if (found := v) > 2]
    def star():
        nonlocal a, b
        a, *b = [10, 20, 30]
    swap()
    print(a, b)
    loop()
    print(last)
    print(search([1, 5, 2, 7]), found)
    star()
    print(a, b)

run()
