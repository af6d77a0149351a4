# finally blocks in every frame run before an uncaught exception ends the program.
def inner():
    try:
        print('inner raises')
        return {'a': 1}['b']
    finally:
        print('inner finally')

def outer():
    try:
        inner()
    finally:
        print('outer finally')

try:
    outer()
finally:
    print('module finally')
print('not reached')
