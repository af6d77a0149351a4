# A return in finally overrides the try's return value and swallows a pending exception.
def overrides():
    try:
        return 'from try'
    finally:
        return 'from finally'

def swallows():
    try:
        1 / 0
    finally:
        return 'the ZeroDivisionError is gone'

def swallows_uncaught_raise():
    try:
        raise ValueError('never seen')
    except ValueError:
        raise KeyError('also never seen')
    finally:
        return 'finally wins again'

print(overrides())
print(swallows())
print(swallows_uncaught_raise())
