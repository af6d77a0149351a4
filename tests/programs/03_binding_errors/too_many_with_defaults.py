# With defaults the message gives a range: "from 1 to 2".
def f(a, b=2):
    return a

f(1, 2, 3)
