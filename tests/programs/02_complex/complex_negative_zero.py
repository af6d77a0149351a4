# complex(real, imag) keeps a negative zero: a part that is no complex adds
# nothing in the other direction (complex_new_impl), so complex(1, -0.0) is
# (1-0j), not (1+0j). repr and format show the signs of both zeros.
print(complex(1, -0.0), complex(0.0, -0.0), complex(-0.0, -0.0))
print(repr(complex(-0.0, 0.0)), complex(0.0, 0.0), -0j, 0j, complex(-0.0), complex(imag=-0.0))
print(complex(1j, -0.0), complex(-0.0, 1j), complex(1 + 2j, 3 + 4j), complex(True, False))
z = complex(2.5, -0.0)
print(z, format(z, ''), format(z, 'g'), format(z, '.2f'), format(z, 'z.1f'), format(z, '+'), format(z, 'e'))
z = complex(0.0, -0.0)
print(z, format(z, ''), format(z, 'g'), format(z, '.2f'), format(z, 'z.1f'), format(z, '+'), format(z, '>6'))
z = complex(-0.0, -0.0)
print(f'{z}|{z!r:^12}|{z:-^12}|{z: }|{z:.3}', '%s %r' % (z, z), ascii(z))
