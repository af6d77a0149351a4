# The else clause runs only when the try block raised nothing; its own errors are not caught there.
def parse(text):
    try:
        n = int(text)
    except ValueError:
        print(repr(text), 'is not an integer')
    else:
        print(repr(text), 'parsed, doubled:', n * 2)

parse('21')
parse('twenty')
try:
    try:
        n = 10
    except ZeroDivisionError:
        print('not printed')
    else:
        print('in else, dividing by zero')
        n = n / 0
except ZeroDivisionError as e:
    print('the outer try caught it:', e)
