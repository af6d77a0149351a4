# LOAD_GLOBAL reads module names; `global` makes STORE_GLOBAL and DELETE_GLOBAL.
counter = 10

def read():
    return counter

def bump(by):
    global counter
    counter = counter + by
    return counter

def forget():
    global counter
    del counter

print(read())
print(bump(5), bump(2))
print(counter)
forget()
print(read())
