# Expressions spanning lines: the traceback quotes the first line only, with carets to its end.
def pick(table, key):
    return (table[key]
            [99])

try:
    pick({}, 'a')
except KeyError as e:
    print('caught: no key', e)
result = pick(
    {'a': [1, 2]},
    'a',
)
