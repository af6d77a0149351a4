# KeyboardInterrupt derives from BaseException, not Exception: `except Exception` lets it through.
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print('not printed')
except BaseException as e:
    print('BaseException caught', type(e).__name__, repr(e))
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
try:
    raise KeyboardInterrupt('pressed')
except KeyboardInterrupt as e:
    print('caught by name:', e.args)
