# '=' alignment makes no sense for strings.
s = 'abc'
print(f'{s:=10}')
