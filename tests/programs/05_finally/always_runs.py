# A finally block runs whether the try block ends normally, raises and is caught, or raises past it.
def run(divisor):
    try:
        print('  dividing by', divisor)
        return 12 // divisor
    finally:
        print('  finally for', divisor)

print('result', run(4))
try:
    print('result', run(0))
except ZeroDivisionError as e:
    print('caught after the finally ran:', e)
try:
    print('in try')
except ValueError:
    print('not printed')
finally:
    print('finally after a quiet try')
