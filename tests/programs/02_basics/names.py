# Module names: STORE_NAME, LOAD_NAME, DELETE_NAME, and rebinding a name to a new value.
greeting = 'hi'
count = 3
print(greeting, count)
count = count + 1
greeting = 'bye'
print(greeting, count)
del count
count = 'again'
print(count)
