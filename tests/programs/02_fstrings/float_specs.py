# Format specs for floats: precision, the types e E f F g G n %, and the empty type.
x = 1234.5678
print(f'{x:.2f}', f'[{x:12.3f}]', f'{x:e}', f'{x:E}', f'{x:.3e}')
print(f'{x:g}', f'{x:G}', f'{x:.3g}', f'{x:.10g}', f'{x:n}')
print(f'{x:,.2f}', f'{x:_.1f}', f'{x:+.1f}', f'{-x:012.2f}', f'[{x:^14.1f}]')
p = 0.256
print(f'{p:%}', f'{p:.1%}', f'{p:.0%}')
print(f'{x}', f'{x:}', f'{x:.3}', f'{x:.6}', f'{1e20:.3}', f'{1.0:.3}')
half = 2.5
print(f'{half:.0f}', f'{half:#.0f}', f'{3.5:.0f}', f'{0.125:.2f}')
inf = float('inf')
print(f'{inf:f}', f'{inf:F}', f'{-inf:e}', f'{float("nan"):G}', f'{-0.0:f}', f'{-0.0:+g}')
print(f'{1e-5:g}', f'{1e16:g}', f'{1e-5}', f'{0.1:.20f}', f'{1e300:f}')
w = 10
prec = 3
print(f'[{x:{w}.{prec}f}]', f'[{x:*<{w}.{prec}}]')
