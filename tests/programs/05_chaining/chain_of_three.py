# Three chained exceptions, a cause and a context, printed oldest first when uncaught.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise TypeError('expected digits') from e

def load(text):
    try:
        return parse(text)
    except TypeError:
        return [][0]

load('x')
