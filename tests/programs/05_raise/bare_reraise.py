# A bare `raise` in a handler re-raises the exception being handled, the same object.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        print('logging:', e)
        raise

saved = None
try:
    parse('12')
    parse('twelve')
except ValueError as e:
    print('caller caught it again:', e)
    saved = e
try:
    try:
        {}['k']
    except KeyError as first:
        try:
            raise
        except KeyError as second:
            print('identical:', first is second)
except KeyError:
    print('not printed')
print(type(saved).__name__)
