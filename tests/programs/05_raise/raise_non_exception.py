# Raising what is not a BaseException (an int, a str, a non-exception class) is a TypeError.
for thing in [42, 'an error message', int, None]:
    try:
        raise thing
    except TypeError as e:
        print(repr(thing), '->', e)
try:
    raise ValueError from 7
except TypeError as e:
    print('bad cause ->', e)
