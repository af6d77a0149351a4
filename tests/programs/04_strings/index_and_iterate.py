# Strings are sequences of characters: indexing gives a one-character string,
# slicing a substring, and iteration walks the characters.
s = 'Python'
print(s[0], s[-1], s[2:4], s[::-1], s[::2], s[10:], len(s))
letters = []
for ch in s:
    letters.append(ch)
print(letters, list('héllo'), tuple('ab'))
vowels = 0
for ch in 'the quick brown fox jumps':
    if ch in 'aeiou':
        vowels += 1
print('vowels:', vowels)
print(ord(s[0]), chr(ord(s[1]) + 1), s * 2, s + '!', 'é' < 'f')
print([c for c in 'abcdef' if c not in 'bd'], sorted('banana'), max('hello'))
print(s.upper()[1:3], 'a-b-c'.split('-')[1], str(12345)[::-1])
