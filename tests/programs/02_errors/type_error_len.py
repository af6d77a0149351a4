# len() of an object that has no length.
print(len(5))
