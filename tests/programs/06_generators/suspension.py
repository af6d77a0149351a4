# The body runs only when asked: nothing before the first next(), then up to each yield.
def worker(name):
    print(' ', name, 'starts')
    for i in range(2):
        print(' ', name, 'about to yield', i)
        yield i
        print(' ', name, 'resumed after', i)
    print(' ', name, 'finishes')

a = worker('a')
b = worker('b')
print('made both generators')
print('a gave', next(a))
print('b gave', next(b))
print('a gave', next(a))
for value in b:
    print('b gave', value)
print('a gave', next(a, 'nothing'))
