# Dropping the last reference to a paused generator closes it: its finally runs at once.
def resource(name):
    print('  open', name)
    try:
        yield name + ' line 1'
        yield name + ' line 2'
    finally:
        print('  release', name)

g = resource('first')
print(next(g))
del g
print('after del')
g = resource('second')
print(next(g))
g = resource('third')
print('rebound to a new generator, not started yet')
print(next(g))
g = None
print('after rebinding to None')

def read_one(name):
    for line in resource(name):
        return line

print(read_one('fourth'))
print([x for x in resource('fifth')])
