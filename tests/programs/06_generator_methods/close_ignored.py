# A generator that yields after GeneratorExit makes close() raise RuntimeError; a return is fine.
def stubborn():
    while True:
        try:
            yield 'working'
        except GeneratorExit:
            print('  ignoring GeneratorExit')

s = stubborn()
print(next(s))
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__ + ':', e)
try:
    s.throw(KeyError('enough'))
except KeyError:
    print('a KeyError thrown in ends it:', s.gi_frame is None)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 'ignored by close'

r = returns_on_exit()
print(next(r), 'close returned', r.close())

def raises_on_exit():
    try:
        yield 1
    finally:
        raise ValueError('cleanup failed')

e = raises_on_exit()
next(e)
try:
    e.close()
except ValueError as error:
    print('close raised', repr(error))
