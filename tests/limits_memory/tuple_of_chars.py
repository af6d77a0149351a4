# A tuple of the 10**8 characters of a str: 2.4 GB of items here (24-byte
# values), 0.8 GB in CPython. It fits because each item is the one shared str
# of its Latin-1 character, as in CPython (get_latin1_char), not a str of its own.
print(len(tuple('x' * 10**8)))
