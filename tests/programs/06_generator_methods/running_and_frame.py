# gi_running is True only while the body runs; gi_frame becomes None once the generator is done.
def watcher():
    print('  inside, gi_running is', me.gi_running)
    yield 1
    print('  inside again, gi_running is', me.gi_running)
    yield 2

me = watcher()
print('before start:', me.gi_running, me.gi_frame is None)
print(next(me))
print('paused:', me.gi_running, me.gi_frame is None)
print(next(me))
print(next(me, 'end'))
print('exhausted:', me.gi_running, me.gi_frame is None)

def short():
    yield 'a'
    yield 'b'

s = short()
next(s)
s.close()
print('closed:', s.gi_frame is None)
t = short()
try:
    t.throw(KeyError('k'))
except KeyError:
    print('after an uncaught throw:', t.gi_frame is None)
