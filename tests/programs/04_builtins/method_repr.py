# What printing built-in functions and methods shows, where it shows no address:
# builtins, unbound methods of built-in types, and a bound method's parts.
print(len, print, sorted, repr(max))
print(list.append, str.upper, dict.get, repr(set.add))
print(type(len), type(list.append), type([].append))
words = ['b', 'a']
add = words.append
add('c')
print(words, add.__name__, add.__self__ is words, add.__self__)
up = 'shout'.upper
print(up(), up.__name__, up.__self__)
print(list.append(words, 'd'), words, str.upper('x'), str.join('-', 'ab'))
getter = {'k': 'v'}.get
print(getter('k'), getter('z', 'none'), callable(getter), callable(words))
