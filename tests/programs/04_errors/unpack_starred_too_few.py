# A starred target may take nothing, but the plain targets around it need items.
first, *rest = [1]
print(first, rest)
first, *middle, last = [1]
print('not reached')
