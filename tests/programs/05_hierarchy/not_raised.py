# An exception object is an ordinary value until raised: no traceback, no context, kept in lists.
errors = [ValueError('bad'), KeyError('gone'), ZeroDivisionError()]
for e in errors:
    print(repr(e), e.__traceback__ is None, e.__context__, e.__cause__, e.__suppress_context__)
kept = None
try:
    raise errors[0]
except ValueError as caught:
    kept = caught
print(kept is errors[0], kept.__traceback__ is None)
print('after raising, a traceback:', kept.__traceback__ is not None)
print(errors[1].args, len(errors))
