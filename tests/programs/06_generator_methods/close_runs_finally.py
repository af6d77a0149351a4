# close() raises GeneratorExit at the paused yield, so except GeneratorExit and finally run.
def guarded(name):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print(' ', name, 'got GeneratorExit')
        raise
    finally:
        print(' ', name, 'finally')

g = guarded('g')
print(next(g))
print('close returned', g.close())
print(next(g, 'closed, so exhausted'))
g.close()
print('closing again is a no-op')
unstarted = guarded('unstarted')
unstarted.close()
print('closing an unstarted generator runs nothing')
done = guarded('done')
print(list(done))
done.close()

def catch_all():
    try:
        yield 'x'
    except Exception:
        print('  never printed: GeneratorExit is not an Exception')
    finally:
        print('  catch_all finally')

c = catch_all()
next(c)
c.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
