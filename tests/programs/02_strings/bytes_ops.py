# bytes: repr with escapes, concatenation, repetition and len.
a = b'abc'
b = b'\x00\xff\n\t"\''
print(a, b)
print(a + b'def', a * 2, 2 * a, a * 0)
print(len(a), len(b), len(b''))
print(repr(a), str(b'x'), (a, b''))
