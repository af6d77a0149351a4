# An uncaught assert with no message prints a bare "AssertionError" line.
items = [3, 1, 2]
assert len(items) == 3
print('three items')
assert items == sorted(items)
print('not reached')
