# An exception that no clause matches leaves the try statement and ends the program.
print('before')
try:
    values = [1, 2, 3]
    print(values[3])
except KeyError:
    print('not printed: IndexError is not a KeyError')
except ZeroDivisionError:
    print('not printed either')
print('not reached')
