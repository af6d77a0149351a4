# After `del`, the name is unbound again: DELETE_NAME then LOAD_NAME raises NameError.
temperature = 1
del temperature
print('deleted')
print(temperature)
