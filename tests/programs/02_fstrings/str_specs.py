# Format specs for strings: width, fill, alignment and precision (truncation).
s = 'text'
print(f'[{s:10}]', f'[{s:<10}]', f'[{s:>10}]', f'[{s:^10}]', f'[{s:^11}]')
print(f'[{s:*^10}]', f'[{s:.2}]', f'[{s:8.2}]', f'[{s:-<3}]', f'[{s:s}]')
u = 'héllo'
print(f'[{u:>8}]', f'[{u:.3}]', f'[{"":3}]')
