# Slices (BUILD_SLICE, then BINARY_SUBSCR): start, stop and step, negative ones,
# and bounds past the ends, which clip instead of failing.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[100:], a[-100:2], a[3:100:4], a[::-4])
print(a[2:8][1:3], a[::2][::-1])
b = a[:]
b[0] = 'changed'
print(a[0], b[0], a[:] == a, a[:] is a)
s = slice(1, 7, 2)
print(a[s], s, s.start, s.stop, s.step)
print(a[None:3], a[slice(None, None, -3)])
t = tuple(a)
print(t[3:6], 'hello world'[::-1], 'hello'[1:-1], b'bytes'[1:3])
