# printf-style conversions for numbers: %x %X %o %e %E %g %G %c and the alternate form #.
n = 255
print('%x %X %o' % (n, n, n), '%#x %#X %#o' % (n, n, n))
print('%x %o' % (-n, -n), '%#x' % (2 ** 70))
f = 12345.678
print('%e %E' % (f, f), '%.2e' % f, '%g %G' % (f, f))
print('%g %g %g' % (0.00001, 1e16, 100.0), '%.3g' % f, '%#g' % 1.0)
print('%c%c' % (72, 'i'), '%c' % 233)
print('%d' % 3.99, '%d' % -3.99, '%x' % True, '%.0f %.0f' % (0.5, 1.5))
print('%*d|%-*d|' % (6, n, 6, n), '%.*f' % (2, f))
print('%f %F' % (float('inf'), float('nan')), '%s' % -0.0, '%a' % 'é')
