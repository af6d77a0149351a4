# The count of a repetition: below one gives an empty sequence, one gives the
# sequence itself, and an empty sequence stays empty however large the count
# (unicode_repeat, bytes_repeat and tuplerepeat check the length, not the count).
s = 'ab'
b = b'ab'
t = (1, 2)
print(repr(s * 0), repr(s * -5), repr(s * -2 ** 62), s * 1, s * True, repr(s * False))
print(b * -1, b * 1, b'' * 2 ** 62, () * 2 ** 62, repr('' * (2 ** 63 - 1)))
print(t * 1, t * -3, 3 * t, len(t * 3), len('\udc80x' * 3), repr('\udc80' * 2))
print(bytes(0), bytes(3), bytes(True), bytes(False), len(bytes(2 ** 16)))
