# A frame repeated four times in a row: three printed, then "[Previous line repeated 1 more time]".
def depth(items, n):
    if n == 0:
        return items[len(items)]
    return depth(items, n - 1)

try:
    depth([1, 2, 3], 2)
except IndexError as e:
    print('caught two levels down:', e)
depth([1, 2, 3], 4)
