# An exception object is an instance of its class and of every class above it.
try:
    {'a': 1}['z']
except Exception as e:
    print(type(e).__name__, type(e) is KeyError)
    for cls in [KeyError, LookupError, Exception, BaseException, IndexError, ValueError]:
        print('  isinstance of', cls.__name__ + ':', isinstance(e, cls))
    print('  tuple:', isinstance(e, (TypeError, LookupError)))
    print('  type:', type(e), type(e) == KeyError)
e = ZeroDivisionError('made, not raised')
print(isinstance(e, ArithmeticError), isinstance(ZeroDivisionError, BaseException))
print(type(e).__name__, e)
