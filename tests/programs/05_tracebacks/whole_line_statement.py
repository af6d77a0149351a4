# When the failing code is the whole line (a raise, a bare call), the traceback prints no carets.
def check(n):
    if n > 2:
        raise ValueError('too big: ' + str(n))
    print('ok', n)

check(1)
check(2)
check(3)
