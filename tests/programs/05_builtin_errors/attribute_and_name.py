# AttributeError for a missing attribute or method, NameError for a missing name, both caught.
for value in [5, 'text', [1], {}, None]:
    try:
        value.missing_method()
    except AttributeError as e:
        print('AttributeError:', e)
try:
    print('abc'.upper(), 'abc'.length)
except AttributeError as e:
    print('AttributeError:', e)
try:
    print(no_such_variable)
except NameError as e:
    print('NameError:', e)
try:
    print(lenn('abc'))
except NameError as e:
    print('NameError:', e, e.args)
x = 1
del x
try:
    x
except NameError as e:
    print('after del:', e)
