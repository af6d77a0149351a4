# str.join needs strings: an int among the items is a TypeError naming its index.
print(', '.join(['a', 'b']))
print(', '.join(['a', 'b', 3]))
