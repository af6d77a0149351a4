# `raise E from C` sets __cause__ (and __context__) and __suppress_context__.
def load(config, key):
    try:
        return config[key]
    except KeyError as missing:
        raise ValueError('incomplete config') from missing

try:
    load({'a': 1}, 'b')
except ValueError as e:
    print(repr(e))
    print('cause:', repr(e.__cause__))
    print('context:', repr(e.__context__))
    print('same object:', e.__cause__ is e.__context__)
    print('suppress context:', e.__suppress_context__)
try:
    raise RuntimeError('outside a handler') from IndexError('given cause')
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)
try:
    raise RuntimeError('with a class as cause') from IndexError
except RuntimeError as e:
    print(repr(e.__cause__))
