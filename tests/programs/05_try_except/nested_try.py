# Nested try statements: the innermost handler that matches catches the exception.
def lookup(table, key, index):
    try:
        try:
            row = table[key]
            return row[index]
        except IndexError:
            return 'no column ' + str(index)
    except KeyError as e:
        return 'no row ' + str(e)

table = {'a': [1, 2], 'b': [3]}
print(lookup(table, 'a', 1))
print(lookup(table, 'b', 1))
print(lookup(table, 'c', 0))
try:
    try:
        print('inner try')
        raise ValueError('from the inner block')
    except TypeError:
        print('not printed: wrong class')
    print('not printed: the exception went past')
except ValueError as e:
    print('outer handler:', e)
