# return inside an except block and inside nested try blocks, with the finally blocks running.
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        return 'default for ' + repr(key)
    finally:
        print('  lookup of', repr(key), 'done')

print(lookup({'a': 1}, 'a'))
print(lookup({'a': 1}, 'b'))

def nested(n):
    try:
        try:
            if n == 0:
                raise ValueError('zero')
            return 'inner ' + str(n)
        finally:
            print('  inner finally')
    except ValueError as e:
        return 'outer caught ' + str(e)
    finally:
        print('  outer finally')

print(nested(1))
print(nested(0))
