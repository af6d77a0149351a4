# Format specs for ints: fill, align, sign, #, 0, width, grouping and the types b c d o x X n e %.
n = 1234567
print(f'[{n:12}]', f'[{n:<12}]', f'[{n:^12}]', f'[{n:*>12}]', f'[{-n:=12}]')
print(f'{n:+}', f'{n: }', f'{-n:+}', f'{n:012}', f'{-n:012,}')
print(f'{n:,}', f'{n:_}', f'{n:_x}', f'{n:_b}')
print(f'{n:b}', f'{n:o}', f'{n:x}', f'{n:X}', f'{n:#b}', f'{n:#o}', f'{n:#x}', f'{n:#X}')
c = 65
print(f'{c:c}', f'{n:d}', f'{n:n}', f'{n:e}', f'{n:.2%}', f'{c:%}')
w = 10
print(f'[{n:{w}}]', f'[{n:>{w},}]', f'[{-c:#{w}x}]')
print(f'{True}', f'{True:d}', f'{False:>5}', f'{2 ** 70:,}')
