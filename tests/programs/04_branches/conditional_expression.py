# The conditional expression `a if test else b` evaluates only the chosen arm.
def pick(name, v):
    print('  evaluated', name)
    return v

for n in range(-2, 3):
    print(n, 'neg' if n < 0 else 'zero' if n == 0 else 'pos')
print(pick('yes', 1) if True else pick('no', 2))
print(pick('yes', 1) if [] else pick('no', 2))
values = [0, 1, '', 'x', None]
print([('T' if v else 'F') for v in values])
x = 7
y = x * 2 if x % 2 else x // 2
print(y)
print(abs(x - 10) if x < 10 else x - 10, max(x, 3) if x else None)
