# A field 10**10 characters wide: MemoryError, as in CPython (which tries).
print('before')
print(len(format(1, '10000000000')))
