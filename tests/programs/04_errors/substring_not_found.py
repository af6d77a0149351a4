# str.index is str.find that raises ValueError when the substring is absent.
s = 'hello'
print(s.find('z'), s.index('l'))
print(s.index('z'))
