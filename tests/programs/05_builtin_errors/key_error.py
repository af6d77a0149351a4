# KeyError carries the missing key: str(e) is the key's repr, e.args[0] the key itself.
inventory = {'apple': 3, 'pear': 0}
for key in ['apple', 'banana', 42, ('a', 1), '', None]:
    try:
        print(repr(key), 'count', inventory[key])
    except KeyError as e:
        print(repr(key), 'missing:', str(e), '| args[0]:', e.args[0], '| repr:', repr(e))
try:
    del inventory['plum']
except KeyError as e:
    print('del:', e)
try:
    inventory.pop('kiwi')
except KeyError as e:
    print('pop:', e)
print(inventory.pop('kiwi', 'default is fine'), inventory)
