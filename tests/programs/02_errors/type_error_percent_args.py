# printf-style formatting with more values than conversions.
fmt = '%d'
print(fmt % (1, 2))
