# `raise E from None` keeps __context__ but sets __suppress_context__, so the traceback hides it.
def lookup(table, name):
    try:
        return table[name]
    except KeyError:
        raise LookupError('no entry named ' + name) from None

try:
    lookup({}, 'x')
except LookupError as e:
    print(repr(e))
    print('cause:', e.__cause__)
    print('context still there:', repr(e.__context__))
    print('suppress context:', e.__suppress_context__)
