# An `except ... as e` target that a closure captures is a cell, emptied when the handler ends.
def run():
    try:
        raise KeyError('missing')
    except KeyError as e:
        describe = lambda: type(e).__name__ + ' ' + str(e)
        print('inside the handler:', describe())
    try:
        describe()
    except NameError as error:
        print('after the handler:', error)
    e = 'a new value'
    print('rebound:', describe())

run()
