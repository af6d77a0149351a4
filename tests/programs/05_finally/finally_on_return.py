# return inside try: the value is computed first, then finally runs, then the function returns.
log = []

def compute(x):
    try:
        log.append('try')
        return x * 10
    finally:
        log.append('finally')
        x = 'changed in finally'

print(compute(4))
print(log)

def early_exit(items):
    for item in items:
        try:
            if item < 0:
                return 'negative ' + str(item)
        finally:
            print('checked', item)
    return 'all fine'

print(early_exit([3, 1, -2, 5]))
print(early_exit([1, 2]))
