# While an exception unwinds through several frames, each frame's finally runs, innermost first.
def level(n):
    try:
        if n == 0:
            print('raising at the bottom')
            raise IndexError('bottom')
        print('entering level', n - 1)
        level(n - 1)
        print('not printed')
    finally:
        print('finally of level', n)

try:
    level(3)
except IndexError as e:
    print('caught at the top:', e)
print('and the program goes on')
