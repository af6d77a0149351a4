# OverflowError from floats too big to represent and ints too big to convert.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except OverflowError as e:
        print(label, '->', type(e).__name__, e)

attempt('int to float', lambda: float(10 ** 400))
attempt('int / int', lambda: 10 ** 400 / 3)
attempt('float pow', lambda: 2.0 ** 5000)
attempt('int + float', lambda: 10 ** 400 + 1.0)
attempt('fine', lambda: 10 ** 40 / 10 ** 38)
attempt('round', lambda: round(float('inf')))
try:
    2.0 ** 5000
except ArithmeticError as e:
    print('as ArithmeticError:', repr(e))
