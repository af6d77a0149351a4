# An uncaught exception raised three calls deep: the traceback lists every frame, outermost first.
def area(shape):
    return shape['width'] * shape['height']

def total_area(shapes):
    total = 0
    for shape in shapes:
        total += area(shape)
    return total

def report(shapes):
    print('shapes:', len(shapes))
    print('total area:', total_area(shapes))

report([{'width': 2, 'height': 3}])
try:
    report([{'height': 3}])
except KeyError as e:
    print('caught: missing', e)
report([{'width': 2, 'height': 3}, {'width': 4}])
