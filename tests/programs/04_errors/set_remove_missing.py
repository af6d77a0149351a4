# set.remove of a missing item raises KeyError (discard would not).
s = {1, 2}
s.discard(3)
s.remove(1)
print(s)
s.remove(3)
