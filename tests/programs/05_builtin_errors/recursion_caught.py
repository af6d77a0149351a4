# RecursionError is caught like any exception; once unwound, recursion works again.
def dive(n):
    return dive(n + 1)

def depth_reached(n):
    try:
        return depth_reached(n + 1)
    except RecursionError:
        return n

try:
    dive(0)
except RecursionError as e:
    print('caught:', type(e).__name__, '-', e)
print('is a RuntimeError:', issubclass(RecursionError, RuntimeError))
print('deepest frame reached:', depth_reached(1))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print('factorial of 100 has', len(str(fact(100))), 'digits')
