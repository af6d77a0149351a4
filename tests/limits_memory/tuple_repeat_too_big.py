# A tuple of 10**9 items does not fit 4 GB, in CPython (8 GB) or here (24 GB):
# MemoryError, exit status 1.
x = (1,) * 10**9
print(len(x))
