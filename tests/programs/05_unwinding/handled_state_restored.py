# After a nested handler ends, the outer handler's exception is the one being handled again.
try:
    raise ValueError('outer')
except ValueError:
    try:
        raise KeyError('inner')
    except KeyError as inner:
        print('inner handler:', repr(inner))
    try:
        raise
    except ValueError as again:
        print('bare raise re-raised the outer one:', repr(again))
try:
    raise
except RuntimeError as e:
    print('all handlers ended:', e)

def handles():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'returned from a handler'

print(handles())
try:
    raise
except RuntimeError as e:
    print('the return cleared it too:', e)
