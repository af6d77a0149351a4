# Ordering comparisons between unrelated types raise TypeError (== would be False).
print('1' == 1, '1' != 1)
values = [3, 'a']
print(values[1] < values[0])
