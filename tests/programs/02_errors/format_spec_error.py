# A format type that floats do not support.
x = 1.5
print(f'{x:d}')
