# A pipeline of generators: each stage pulls one item at a time from the stage before it.
log = []

def source(n):
    for i in range(n):
        log.append('src ' + str(i))
        yield i

def only_odd(items):
    for x in items:
        if x % 2:
            yield x

def squared(items):
    for x in items:
        log.append('sq ' + str(x))
        yield x * x

def running_total(items):
    total = 0
    for x in items:
        total += x
        yield total

stages = running_total(squared(only_odd(source(7))))
print(next(stages))
print(log)
print(list(stages))
print(log)
print(sum(squared(only_odd(source(1001)))))
