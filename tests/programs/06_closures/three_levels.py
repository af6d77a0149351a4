# Three nested functions: the middle one passes a cell through to the innermost (COPY_FREE_VARS).
def outer(a):
    b = a * 10
    def middle(c):
        def inner(d):
            return a + b + c + d
        return inner
    return middle

print(outer(1)(2)(3))
m = outer(4)
print(m(0)(0), m(100)(1000))

def levels():
    log = []
    def one():
        depth = 1
        def two():
            nonlocal depth
            depth += 1
            def three():
                nonlocal depth
                depth += 1
                log.append('three sees depth ' + str(depth))
            three()
            log.append('two sees depth ' + str(depth))
        two()
        log.append('one sees depth ' + str(depth))
    one()
    return log

for line in levels():
    print(line)
