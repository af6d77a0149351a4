# min() and max() of an empty iterable need a default.
print(min([], default='none'), min([3, 1]))
print(min([]))
