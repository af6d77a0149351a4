# if / elif / else: the first true test wins, and else catches the rest
# (POP_JUMP_FORWARD_IF_FALSE and JUMP_FORWARD over the other arms).
def classify(n):
    if n < 0:
        kind = 'negative'
    elif n == 0:
        kind = 'zero'
    elif n % 2 == 0:
        kind = 'even'
    else:
        kind = 'odd'
    return kind

def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0

for n in [-3, 0, 4, 7]:
    print(n, classify(n), sign(n))
if classify(2) == 'even':
    print('two is even')
if not []:
    print('an empty list is false')
x = 5
if x:
    if x > 3:
        print('nested: big')
    else:
        print('nested: small')
