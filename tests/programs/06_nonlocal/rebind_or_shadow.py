# Without nonlocal an assignment makes a new local that shadows; with it, the outer cell changes.
def outer():
    x = 'outer'
    def shadow():
        x = 'shadow'
        return x
    def rebind():
        nonlocal x
        x = 'rebound'
        return x
    print('shadow returns', shadow(), '- outer x is', x)
    print('rebind returns', rebind(), '- outer x is', x)
    x = 'reassigned by outer'
    def read():
        return x
    print('read sees', read())
    return read

reader = outer()
print('after outer returned, read sees', reader())
