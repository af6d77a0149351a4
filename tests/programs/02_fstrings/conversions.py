# f-string conversions !s !r !a and the `=` self-documenting form: FORMAT_VALUE and BUILD_STRING.
name = 'Zoë'
n = 7
print(f'{name}', f'{name!s}', f'{name!r}', f'{name!a}')
print(f'{n}', f'{n!r}', f'{n=}', f'{name=}')
print(f'[{name!r:>10}]', f'[{name!a:^12}]')
print(f'{n} + {n} = {n + n}', f'{"€"!a} {"😀"!a}')
print(f'plain text only', f'{{braces}}', f'')
