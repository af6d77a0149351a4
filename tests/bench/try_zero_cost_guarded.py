# The hot loop of try_zero_cost_plain.py with its body inside a try that never
# raises: in 3.11 the try compiles to a NOP and an exception-table entry, so
# the two should take the same time. Times the zero-cost try.
def guarded(n):
    total = 0
    for i in range(n):
        try:
            total = (total + i * i) % 1000003
        except ZeroDivisionError:
            total = -1
    return total


print(guarded(2000000), guarded(2000000), guarded(2000000))
