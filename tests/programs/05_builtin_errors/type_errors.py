# TypeError from operators, calls and builtins applied to the wrong kind of value.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, '->', e)

def add(a, b):
    return a + b

attempt('str + int', lambda: 'a' + 1)
attempt('int + str', lambda: 1 + 'a')
attempt('unary', lambda: -'x')
attempt('len', lambda: len(42))
five = 5
attempt('call', lambda: five())
attempt('too many', lambda: add(1, 2, 3))
attempt('missing', lambda: add(1))
attempt('keyword', lambda: add(1, c=2))
attempt('compare', lambda: [1, 'a'].sort())
attempt('hash', lambda: {[1]: 2})
zero = '0'
attempt('index', lambda: [1, 2][zero])
attempt('repeat', lambda: 'abc' * 'd')
attempt('iter', lambda: sum(5))
