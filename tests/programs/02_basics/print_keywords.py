# print's keyword arguments sep and end: KW_NAMES names them before PRECALL/CALL.
a = 1
b = 2
print(a, b, sep='-', end='!\n')
print(a, b, sep='')
print('no newline', end='')
print(' ... then one')
print(a, b, 3, sep=', ', end='.\n')
print(end='')
print()
print('sep None', a, sep=None)
print('end None', end=None)
