# UnboundLocalError: reading a function's local before it is assigned; it is a NameError.
count = 10

def bump():
    count = count + 1
    return count

def maybe(flag):
    if flag:
        value = 'set'
    return value

try:
    bump()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
print(maybe(True))
try:
    maybe(False)
except NameError as e:
    print(type(e).__name__, 'caught as NameError:', e)
print(issubclass(UnboundLocalError, NameError))
