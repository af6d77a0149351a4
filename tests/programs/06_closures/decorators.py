# Decorators are closures: each wrapper counts its calls in a nonlocal and logs them.
log = []

def counted(func):
    calls = 0
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        log.append(func.__name__ + ' call ' + str(calls))
        return func(*args, **kwargs)
    return wrapper

def prefixed(prefix):
    def decorate(func):
        return lambda *args: prefix + str(func(*args))
    return decorate

@counted
def add(a, b=0):
    return a + b

@prefixed('result: ')
@counted
def square(x):
    return x * x

print(add(1, 2), add(5), add(a=1, b=1))
print(square(4), square(5))
print(log)
print(add.__name__, square.__name__)
