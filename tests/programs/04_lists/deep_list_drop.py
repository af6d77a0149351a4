# A list nested a million deep, built by a loop and then dropped: freeing it
# must not recurse once per level (CPython's "trashcan"; stage04's lists hand
# their items to drop_nested).
x = []
for i in range(1000000):
    x = [x]
print('built')
x = 0
print('dropped')
