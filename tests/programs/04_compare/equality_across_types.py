# `==` between values of unrelated types is False (never an error), and `!=` True;
# numbers of different types are equal when their values are.
print(1 == '1', 1 != '1')
print([1, 2] == (1, 2), (1, 2) != [1, 2])
print(b'a' == 'a', 'a' == b'a')
print(None == 0, None == False, None == '', None == None)
print({} == [], set() == frozenset(), {1, 2} == frozenset([2, 1]))
print(1 == 1.0, 1.0 == True, True == 1, 0 == -0.0, 1 == 1 + 0j)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 == 1e20)
print([1, 2.0, True] == [1.0, 2, 1], (1, (2, 3)) == (True, (2.0, 3)))
print({'a': 1} == {'a': 1.0}, {'a': 1} == {'a': 1, 'b': 2})
print(range(0) == range(2, 2), range(0, 3) == range(3), range(3) == [0, 1, 2])
nan = float('nan')
print(nan == nan, nan != nan, nan < 1, nan >= nan)
items = [nan]
print(items == items, [nan] == [nan], nan in items)
