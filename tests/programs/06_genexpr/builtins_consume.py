# Builtins pull from generators as they need: any() stops early, zip() and map() pull in step.
log = []

def numbers(label, n):
    for i in range(n):
        log.append(label + str(i))
        yield i

def show(result):
    print(result, log)
    log.clear()

show(any(x > 1 for x in numbers('a', 10)))
show(all(x < 1 for x in numbers('b', 10)))
show(list(zip(numbers('x', 5), numbers('y', 2))))
m = map(lambda v: v * 10, numbers('m', 3))
show('map made')
show(next(m))
show(list(enumerate(numbers('e', 2), 1)))
show(sum(numbers('s', 4)))
show(sorted(numbers('o', 3), reverse=True))
show(min(numbers('n', 3)))
show(3 in numbers('c', 10))
f = filter(None, numbers('f', 4))
show(next(f))
show(list(f))
