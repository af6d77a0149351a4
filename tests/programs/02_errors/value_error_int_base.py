# int() with a base where the text has a digit too large for it.
print(int('129', 8))
