# assert raises AssertionError when its test is false; the message is evaluated only then.
def check(n):
    assert n > 0
    assert n % 2 == 0, f'{n} is odd'
    return n // 2

for n in [4, 3, -1]:
    try:
        print(n, '->', check(n))
    except AssertionError as e:
        print(n, '-> AssertionError', e.args)
assert True, 1 / 0
print('a true assert never evaluates its message')
try:
    assert [], 'an empty list is false'
except AssertionError as e:
    print(repr(e))
