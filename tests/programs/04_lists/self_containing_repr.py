# A list (or dict) that contains itself prints the inner reference as [...]
# ({...}) instead of recursing forever.
a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a, a[2][2][0])
b = [a, [a]]
print(b)
d = {'name': 'd'}
d['self'] = d
print(d)
x = [1]
y = [x]
x.append(y)
print(x, y)
e = {'list': []}
e['list'].append(e)
print(e)
t = ([],)
t[0].append(t)
print(t)
