# printf-style formatting with `%`: one value or a tuple of values. The compiler turns a constant
# format with only %s/%r/%a and a tuple into an f-string, so the formats here are names.
x = 3.14159
print('%5.2f|' % x, '%-8.3f|' % x, '%08.3f' % x)
fmt = '%s %r'
a = 'text'
b = 'repr'
print(fmt % (a, b))
print('%s %r' % (a, b))
n = 42
print('%d %i %u' % (n, n, n), '%5d|%-5d|%05d' % (n, n, n))
print('%+d % d %+d' % (n, n, -n))
print('100%%' % (), '%s%%' % n)
print('%s' % None, '%s' % (x,), '%r' % a)
