# bytes: indexing gives an int, slicing gives bytes, iteration yields ints, and
# the str-like methods work on bytes.
b = b'Hello, bytes!'
print(b[0], b[-1], b[0:5], b[::-1], len(b), list(b[:3]))
for x in b'AB\x00\xff':
    print(x, end=' ')
print()
print(b.upper(), b.lower(), b.split(b', '), b.replace(b'l', b'L'))
print(b.find(b'y'), b.count(b'l'), b.startswith(b'Hell'), b.endswith(b'!'))
print(b'-'.join([b'a', b'b']), b'  x '.strip(), b.index(b'by'), b'abc'.hex())
print(bytes([72, 105]), bytes(3), bytes(range(65, 70)), bytes('é', 'utf-8'))
print(b'caf\xc3\xa9'.decode('utf-8'), 'café'.encode(), b'a' + b'b', b'ab' * 2)
print(b'abc' < b'abd', b'a' in b'abc', 104 in b'hi', b'x' == b'x', bytes.fromhex('4142'))
print(b'\t\n\\\'"', b'\x7f\x80', bytes([0, 31, 32, 126, 127]))
