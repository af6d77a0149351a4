# Reading past the end of a list raises IndexError; negative indexes count from
# the end but cannot go past the start either.
items = ['a', 'b', 'c']
print(items[2], items[-3])
i = 0
while i <= len(items):
    print(i, items[i])
    i += 1
