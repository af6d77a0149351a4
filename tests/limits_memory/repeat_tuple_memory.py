# tuple * n: CPython's tuplerepeat says MemoryError even where the length
# overflows Py_ssize_t (str and bytes say OverflowError there).
t = (1, 2)
print(t * 2, () * 2 ** 62, t * 0)
n = 2 ** 62
print(len(t * n))
