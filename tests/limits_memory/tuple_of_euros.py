# Characters beyond Latin-1 are not shared: a tuple of 10**8 of them needs a
# str per item (CPython 7.6 GB, here 5.6 GB): MemoryError, as in CPython.
print(len(tuple('€' * 10**8)))
