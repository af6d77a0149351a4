# The built-in exception classes form a tree: issubclass follows each class up to BaseException.
pairs = [
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (UnboundLocalError, NameError), (StopIteration, Exception),
    (Exception, BaseException), (KeyboardInterrupt, Exception),
    (KeyError, IndexError), (ValueError, TypeError), (BaseException, Exception),
]
for sub, base in pairs:
    print(f'{sub.__name__:>20} < {base.__name__:<16}', issubclass(sub, base))
print(issubclass(KeyError, (ValueError, LookupError)), issubclass(TypeError, TypeError))
print(issubclass(bool, Exception), issubclass(bool, int))
try:
    {}['key']
except LookupError as e:
    print('so `except LookupError` catches a', type(e).__name__)
