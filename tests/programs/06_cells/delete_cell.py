# del of a captured variable empties its cell (DELETE_DEREF); assigning fills the same cell again.
def run():
    x = 'first'
    def read():
        return x
    print(read())
    del x
    try:
        read()
    except NameError as e:
        print(type(e).__name__ + ':', e)
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__ + ':', e)
    x = 'second'
    print(read())
    def drop():
        nonlocal x
        del x
    drop()
    try:
        print(x)
    except NameError as e:
        print(type(e).__name__ + ':', e)

run()
