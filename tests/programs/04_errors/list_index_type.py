# A list index must be an int (or have __index__): a string is a TypeError.
items = [10, 20]
print(items[True], items[-1])
print(items['0'])
