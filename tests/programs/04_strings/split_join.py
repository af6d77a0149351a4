# str.split (on runs of whitespace, or on a separator, with maxsplit), rsplit,
# splitlines, partition, and str.join, which takes any iterable of strings.
s = '  the  quick brown\tfox\n'
print(s.split(), s.split(' '), s.split(None, 1))
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 2), 'a,b,,c'.rsplit(',', 1))
print(''.split(), ''.split(','), 'abc'.split('abc'), 'a--b--c'.split('--'))
print('line one\nline two\r\nthree'.splitlines(), 'x\n\ny\n'.splitlines())
print('-'.join(['a', 'b', 'c']), ''.join('xyz'), ', '.join(('one',)), '+'.join([]))
words = 'never odd or even'.split()
print(' '.join(reversed(words)), '.'.join(map(str, [1, 2, 3])))
print('/'.join(sorted({'c': 1, 'a': 2, 'b': 3})), '|'.join({'k': 0, 'j': 1}))
print('key=value=more'.partition('='), 'none'.partition('='), 'a.b.c'.rpartition('.'))
csv = 'name,age\nada,36\nalan,41'
for line in csv.splitlines()[1:]:
    name, age = line.split(',')
    print(name.title(), int(age) + 1)
