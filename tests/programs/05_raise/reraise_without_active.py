# A bare `raise` with no exception being handled raises RuntimeError.
def reraise():
    raise

try:
    reraise()
except RuntimeError as e:
    print('caught:', repr(e))
try:
    1 / 0
except ZeroDivisionError:
    print('handled')
try:
    raise
except RuntimeError as e:
    print('after the handler ended, again:', e)
