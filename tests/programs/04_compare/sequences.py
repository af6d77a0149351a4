# Strings, bytes, tuples and lists compare item by item (lexicographically); the
# first difference decides, and a shorter prefix is smaller.
pairs = [('abc', 'abd'), ('ab', 'abc'), ('b', 'abc'), ('Z', 'a'), ('', ''),
         ('é', 'z'), (b'abc', b'abd'), (b'', b'\x00'), (b'b', b'a'),
         ((1, 2), (1, 3)), ((1, 2), (1, 2, 0)), ((2,), (1, 9, 9)), ((), ()),
         ([1, 2], [1, 2]), ([1, 'a'], [2, 'b']), ([3], [1, 2]),
         ([1, [2, 3]], [1, [2, 4]]), ((1, 2.5), (1, 2))]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
