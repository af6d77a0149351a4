# Repeating twice to 2**30 items: under the length limit, but 24 GB: MemoryError.
x = (1,) * 2**15 * 2**15
print(len(x))
