# Results of a few megabytes, past the size from which a str, bytes or tuple is
# asked for fallibly (MemoryError instead of an abort), printed as CPython prints them.
n = 70000
t = (1, 'a')
big = t * n
print(len(big), len(big + big), len(tuple(b'x' * n)), len(tuple('xé' * n)))
print(len(repr('\\' * n)), len(repr("'\"" * n)), len(repr(b'\x00' * n)), len(repr(b"'" * n)))
print(len(ascii(chr(0x10ffff) * n)), len(ascii('é€' * n)), len(str(b'\xff\'"' * n)))
s = 'x' * n
print(len(s + s), len(b'y' * n + b'z'), len(bytes(n)))
print(len(format(7, '>' + str(n))), len('%*s' % (n, 'x')))
