# The hot loop of try_zero_cost_guarded.py without its try statement: the two
# should take the same time, since in 3.11 entering a try executes no
# instruction (the exception table is read only when something raises). Times
# the loop alone.
def plain(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000003
    return total


print(plain(2000000), plain(2000000), plain(2000000))
