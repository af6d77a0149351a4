# Too many items for the targets is a ValueError too.
x, y = 'ab'
print(x, y)
x, y = [1, 2, 3]
print('not reached')
