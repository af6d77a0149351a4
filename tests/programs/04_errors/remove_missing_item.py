# list.remove of a value the list does not hold raises ValueError.
items = [1, 2, 3]
items.remove(2)
print(items)
items.remove(2)
