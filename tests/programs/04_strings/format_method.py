# str.format: positional, numbered and named fields, attribute-free item access,
# conversions (!r, !s) and format specs, and format() of one value.
print('{} + {} = {}'.format(1, 2, 1 + 2))
print('{1} {0} {1}'.format('a', 'b'))
print('{name} is {age} years old'.format(name='Ada', age=36))
print('{0[0]} {0[2]} {1[key]}'.format('xyz', {'key': 'value'}))
print('{!r} {!s} {!a}'.format('quote', 'plain', 'é'))
print('[{:>8}] [{:<8}] [{:^8}] [{:*^9}]'.format('right', 'left', 'mid', 'star'))
print('{:d} {:5d} {:05d} {:+d} {:,} {:_x}'.format(42, 42, 42, 42, 1234567, 2 ** 20))
print('{:.3f} {:10.2e} {:%} {:g} {:.0f}'.format(3.14159, 12345.678, 0.25, 1e-5, 2.5))
print('{:b} {:o} {:x} {:X} {:#x} {:#b}'.format(10, 10, 255, 255, 255, 5))
print('{{literal}} {}'.format('braces'), format(3.5, '08.3f'), format('x', '>3'))
width = 7
print('{:{}}|'.format('w', width), '{:>{w}.{p}f}|'.format(2.71828, w=width, p=2))
row = ['a', 1, 2.5]
print('{}-{}-{}'.format(*row), '{x}{y}'.format(**{'x': 'X', 'y': 'Y'}))
