# Infinite generators stopped by hand: a take() helper and loops that break.
def naturals(start):
    n = start
    while True:
        yield n
        n += 1

def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, iterable):
    if n <= 0:
        return
    for item in iterable:
        yield item
        n -= 1
        if n == 0:
            return

print(list(take(5, naturals(10))))
print(list(take(12, fibonacci())))
print(list(take(0, naturals(0))), list(take(3, 'abcdef')))
for f in fibonacci():
    if f > 1000:
        print('first Fibonacci number above 1000:', f)
        break
n = naturals(1)
print(sum(take(100, n)), next(n))
