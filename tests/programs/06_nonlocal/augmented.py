# Augmented assignment to nonlocal names of several types: ints, strings, tuples and lists.
def run():
    n = 10
    s = 'ab'
    t = (1,)
    items = [1]
    alias = items
    def update():
        nonlocal n, s, t, items
        n -= 3
        n *= 2
        n //= 4
        n **= 3
        s += 'c'
        s *= 2
        t += (2, 3)
        items += [2]
    update()
    print(n, s, t, items, alias is items, alias)
    update()
    print(n, s, t, items, alias is items)
    def rebuild():
        nonlocal items
        items = items + [99]
    rebuild()
    print(items, alias, alias is items)

run()
