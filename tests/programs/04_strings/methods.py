# Everyday str methods: strip, replace, find/rfind, index, count, startswith and
# endswith (with a tuple of choices), case changes and character tests.
s = '  Hello, World!  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')))
t = s.strip()
print(t.replace('l', 'L'), t.replace('l', '', 1), t.replace('', '.'), t.replace('zz', '!'))
print(t.find('o'), t.find('o', 5), t.rfind('o'), t.find('zz'), t.find(''), t.index('World'))
print(t.count('l'), t.count('l', 4), t.count(''), 'aaaa'.count('aa'))
print(t.startswith('Hell'), t.startswith(('x', 'H')), t.endswith('!'), t.endswith('d', 0, 12))
print(t.upper(), t.lower(), t.swapcase(), 'hello world'.title(), 'hELLO'.capitalize())
print('123'.isdigit(), '12a'.isdigit(), 'abc'.isalpha(), '   '.isspace(), 'Ab'.isupper())
print('ß'.upper(), 'ǅ'.lower(), 'Ωmega'.lower(), 'éa'.upper())
print('7'.zfill(3), '-7'.zfill(4), 'ab'.center(6, '*'), 'ab'.ljust(4) + '|', 'ab'.rjust(4))
print('a\tb'.expandtabs(4), 'x'.join('abc').upper().lower(), 'Hi'.removeprefix('H'))
