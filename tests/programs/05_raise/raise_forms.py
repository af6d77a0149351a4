# raise with a class (instantiated with no arguments), with an instance, and with several arguments.
def show(e):
    print(type(e).__name__, '| args:', e.args, '| str:', repr(str(e)), '| repr:', repr(e))

try:
    raise ValueError
except ValueError as e:
    show(e)
try:
    raise ValueError('bad value')
except ValueError as e:
    show(e)
try:
    raise KeyError('key', 2)
except KeyError as e:
    show(e)
error = RuntimeError('made earlier, raised later')
try:
    raise error
except RuntimeError as e:
    print('the same object:', e is error)
