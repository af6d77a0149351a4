# Statements that compile to NOP: `pass` and a bare constant expression keep their line number.
pass
42
'a docstring-like string in the middle'
x = 1
pass
print(x)
