# Two closures made on each loop pass share that pass's cell; cells of later passes are new.
def make_pairs():
    pairs = []
    for i in range(3):
        def make(start):
            value = start
            def get():
                return value
            def bump():
                nonlocal value
                value += 10
            return get, bump
        pairs.append(make(i))
    return pairs

pairs = make_pairs()
pairs[0][1]()
pairs[2][1]()
pairs[2][1]()
print([get() for get, bump in pairs])
get0, bump0 = pairs[0]
bump0()
print(get0(), pairs[1][0]())
