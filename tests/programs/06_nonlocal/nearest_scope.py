# nonlocal binds the nearest enclosing function that has the name, skipping those that don't.
def level1():
    name = 'level1'
    def level2():
        name = 'level2'
        def level3():
            def level4():
                nonlocal name
                name = name + ' changed by level4'
            level4()
            return name
        return level3(), name
    result = level2()
    return result, name

print(level1())

def skip_middle():
    total = 0
    def middle():
        def inner(n):
            nonlocal total
            total += n
        for i in range(1, 5):
            inner(i)
    middle()
    middle()
    return total

print(skip_middle())
