# Sorting a list that mixes ints and strings fails on the first comparison the
# sort makes between the two types.
numbers = [3, 1, 2]
numbers.sort()
print(numbers)
numbers.append('four')
numbers.sort()
print('not reached')
