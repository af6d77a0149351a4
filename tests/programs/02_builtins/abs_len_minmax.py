# abs(), len(), min() and max() with several arguments.
print(abs(-5), abs(5), abs(-2.5), abs(True), abs(-0.0), abs(-2 ** 100))
print(len('abc'), len(b'ab'), len((1, 2, 3)), len(()))
print(max(3, 7, 5), min(3, 7, 5), max(2.5, 1, 3), min(-1, -1.0))
print(max(2, 2.0), min(2.0, 2), max('pear', 'apple', 'fig'), min(b'b', b'a'))
print(max(True, 0), min(-2 ** 70, 5))
