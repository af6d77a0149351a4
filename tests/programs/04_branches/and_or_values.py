# `and` / `or` return one of their operands, not a bool, and evaluate the right
# operand only when they must (JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP).
def show(v):
    print('  evaluated', repr(v))
    return v

print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print('' or 'default', 'given' or 'default', [] and 'x', [0] and 'x')
print(None or [] or 0, None or [] or 'last', 1 and 'a' and 3.5)
print('and stops at a false value:')
r = show(0) and show(1)
print(r)
print('or stops at a true value:')
r = show('yes') or show('no')
print(r)
print('both evaluated:')
r = show(1) and show(0.0)
print(r)
print(not 0, not 'a', not None, not [], not [[]])
x = 4
print(x > 3 and x < 10, x < 3 or x == 4, x > 3 and 'big' or 'small')
