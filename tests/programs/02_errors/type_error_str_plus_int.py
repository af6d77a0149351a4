# str + int does not convert: str's own message.
s = 'a'
n = 1
print(s + n)
