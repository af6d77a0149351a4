# Reading a name that was never bound raises NameError.
print('before')
print(undefined_name)
print('not reached')
