# popitem() on an empty dict raises KeyError.
d = {'only': 1}
print(d.popitem())
print(d.popitem())
