# An exception raised three calls deep is caught by the caller at the top.
def level3(n):
    if n < 0:
        raise ValueError('negative: ' + str(n))
    return n * 2

def level2(n):
    print('  level2 calls level3')
    result = level3(n)
    print('  level2 got', result)
    return result + 1

def level1(n):
    return level2(n) + 1

for n in [5, -5]:
    try:
        print('level1 returned', level1(n))
    except ValueError as e:
        print('top level caught:', e)
