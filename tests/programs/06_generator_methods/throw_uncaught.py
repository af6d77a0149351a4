# Uncaught: an exception thrown into a generator that does not handle it escapes from throw().
def stepper():
    step = 0
    while True:
        step += 1
        yield step

g = stepper()
print(next(g), next(g))
g.throw(RuntimeError('stop stepping'))
