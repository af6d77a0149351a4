# Re-raising the handled exception does not make it its own context; finished handlers don't chain.
try:
    try:
        raise ValueError('once')
    except ValueError as e:
        raise e
except ValueError as e:
    print(repr(e), 'context:', e.__context__)
try:
    1 / 0
except ZeroDivisionError:
    print('handled completely')
try:
    raise KeyError('later')
except KeyError as e:
    print(repr(e), 'context:', e.__context__)
try:
    try:
        raise IndexError('inner')
    except IndexError:
        try:
            raise TypeError('nested handler')
        except TypeError as t:
            print(repr(t), 'context:', repr(t.__context__))
        raise ValueError('after the nested handler')
except ValueError as e:
    print(repr(e), 'context:', repr(e.__context__))
