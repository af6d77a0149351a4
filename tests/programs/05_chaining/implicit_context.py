# An exception raised while handling another gets it as __context__ (implicit chaining).
def convert(text):
    try:
        return int(text)
    except ValueError:
        return {}[text]

try:
    convert('abc')
except KeyError as e:
    print('caught', repr(e))
    print('context:', repr(e.__context__))
    print('cause:', e.__cause__)
    print('suppress context:', e.__suppress_context__)
    print('context of the context:', e.__context__.__context__)
