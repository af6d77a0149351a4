# `except E as e` binds the exception to e, and deletes e when the handler ends.
try:
    int('forty-two')
except ValueError as e:
    print('caught:', e)
    print('type:', type(e).__name__)
    print('args:', e.args)
try:
    print(e)
except NameError as error:
    print('after the handler:', type(error).__name__, error)
e = 'a string'
try:
    [][0]
except IndexError as e:
    print('rebound:', e)
try:
    print(e)
except NameError:
    print('e is gone again, the old value too')
