# close() of a delegating generator closes the generator it delegates to first, innermost first.
def level(name, child):
    try:
        if child is None:
            yield name + ' value'
        else:
            yield from child
    finally:
        print('  finally', name)

g = level('outer', level('middle', level('inner', None)))
print(next(g))
g.close()
print('closed:', g.gi_frame is None)

def lister():
    try:
        yield from [1, 2, 3]
    finally:
        print('  lister finally')

l = lister()
print(next(l), next(l))
l.close()
print('closing while delegating to a list iterator works too')
