# `x is None` and `x is not None` as a condition compile to jumps that test for
# None directly (POP_JUMP_FORWARD_IF_NONE / _NOT_NONE in an if, the BACKWARD
# forms at the bottom of a while loop), with no IS_OP.
def describe(x):
    if x is None:
        return 'nothing'
    if x is not None and x == 0:
        return 'zero, not None'
    return 'something: ' + repr(x)

for value in [None, 0, '', [], 'text']:
    print(describe(value))
# A linked list of (value, next) pairs, walked until next is None.
chain = (1, (2, (3, None)))
node = chain
total = 0
while node is not None:
    total += node[0]
    node = node[1]
print('sum of the chain:', total, node)
pending = [None, None, 'found', None]
item = None
while item is None:
    item = pending.pop(0)
print(item, pending)
result = None if total > 100 else total
print(result is None, result)
