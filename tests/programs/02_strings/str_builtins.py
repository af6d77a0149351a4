# str(), repr() and ascii conversions of every stage02 type, and len of text.
print(str(42), str(-1.5), str(True), str(None), str((1, 'a')))
print(repr(42), repr('42'), repr(1.0), repr(()), repr((1,)))
print(str('x'), str(b'x'), str(2j), str(''), repr(''))
print(len('héllo'), len(''), len('😀'))
