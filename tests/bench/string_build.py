# Building strings: += in a loop, str.join of a list of pieces, f-strings and
# str methods on the result. Times string concatenation and small string objects.
def build(n):
    s = ''
    for i in range(n):
        s += str(i % 10)
    return s


def pieces(n):
    parts = []
    for i in range(n):
        parts.append(f'{i:x}-')
    return ''.join(parts)


total = 0
for round_ in range(15):
    a = build(100000)
    b = pieces(100000)
    total += len(a) + len(b) + a.count('7') + b.count('ff')
print(total, a[-12:], b[-16:], b.upper()[:12])
