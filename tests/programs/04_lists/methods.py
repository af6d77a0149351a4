# The list methods (LOAD_METHOD, then CALL): each prints what it returns and the
# list after it.
a = [3, 1, 4]
print(a.append(1), a)
print(a.extend([5, 9]), a)
a.extend('ab')
a.extend(range(2))
print(a)
print(a.insert(0, 'first'), a)
a.insert(-1, 'before last')
a.insert(100, 'far end')
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
print(a.remove('a'), a)
print(a.index(1), a.index(1, 2), a.count(1), a.count('zzz'))
b = a.copy()
b.append('only in b')
print(a == b, len(a), len(b))
print(a.reverse(), a)
print(b.clear(), b)
c = [[1], [2]]
d = c.copy()
d[0].append('shared')
print(c, d, c[0] is d[0])
