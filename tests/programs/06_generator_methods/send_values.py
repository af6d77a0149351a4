# send(v) resumes the generator with v as the yield's value and returns the next yielded value.
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = averager()
print(avg.send(None))
print(avg.send(10), avg.send(20), avg.send(60))

def tagger():
    tag = yield 'ready'
    while True:
        tag = yield '<' + tag + '>'

t = tagger()
print(next(t), t.send('b'), t.send('i'), t.send('em'))
print(next(averager()) is None, next(tagger()))
