# Exception classes are values: their __name__, their type, and calling them makes instances.
classes = [Exception, ValueError, KeyError, StopIteration, KeyboardInterrupt, RecursionError]
for cls in classes:
    print(cls.__name__, cls, type(cls) is type)
make = ValueError
e = make('built by calling a class held in a variable')
print(repr(e))
print(ValueError is ValueError, ValueError == TypeError)
table = {KeyError: 'missing key', IndexError: 'bad index'}
try:
    [1][1]
except LookupError as e:
    print(table[type(e)])
