# An uncaught error in a binary operation: ~ under the operands and ^ under the operator.
hits = 12
misses = 0
try:
    print('ratio:', hits / misses)
except ZeroDivisionError as e:
    print('caught:', e)
print('ratio:', (hits + misses) / misses * 100)
