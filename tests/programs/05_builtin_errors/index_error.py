# IndexError from lists, tuples, strings and pop(), each naming the kind of sequence.
def attempt(label, seq, i):
    try:
        print(label, repr(seq[i]))
    except IndexError as e:
        print(label, '->', e)

attempt('list', [1, 2, 3], 3)
attempt('list', [1, 2, 3], -4)
attempt('tuple', (1,), 1)
attempt('str', 'abc', 10)
attempt('range', range(3), 5)
attempt('bytes', b'xy', 2)
for seq in [[], [7]]:
    try:
        print('popped', seq.pop(), 'then', seq.pop())
    except IndexError as e:
        print('pop ->', e)
try:
    items = [0, 1]
    items[5] = 'x'
except IndexError as e:
    print('store ->', e)
