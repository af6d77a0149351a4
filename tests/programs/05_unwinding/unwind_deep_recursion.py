# An exception raised 200 frames deep unwinds every frame (each finally counts) to the top.
unwound = []

def descend(n):
    try:
        if n == 200:
            raise ValueError('depth ' + str(n))
        return descend(n + 1)
    finally:
        unwound.append(n)

try:
    descend(1)
except ValueError as e:
    print('caught', e)
print(len(unwound), 'frames unwound, first', unwound[0], 'last', unwound[-1])
print(descend.__name__, 'can be called again:', end=' ')
try:
    descend(150)
except ValueError as e:
    print(e, len(unwound))
