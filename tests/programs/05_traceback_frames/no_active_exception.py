# A bare `raise` outside any handler, uncaught: RuntimeError: No active exception to reraise.
def reraise_last():
    print('re-raising with nothing to re-raise')
    raise

try:
    int('x')
except ValueError:
    print('handled, and forgotten when the handler ended')
reraise_last()
