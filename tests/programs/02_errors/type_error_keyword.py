# A builtin called with a keyword argument it does not accept.
print('x', color='red')
