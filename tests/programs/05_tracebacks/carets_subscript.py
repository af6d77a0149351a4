# An uncaught error in a subscript: ~ under the container and ^ under the index.
grid = [[1, 2, 3], [4, 5, 6]]
print(grid[1][2])
row = 1
try:
    print(grid[row + 1][0])
except IndexError as e:
    print('caught:', e)
print('cell:', grid[row][row + 4])
