# ascii() of 2**28 copies of U+10FFFF is 2.7 GB of \U0010ffff escapes. CPython
# prints 2684354562; here the 1 GB str (UTF-8) and the escaped text do not both
# fit 4 GB: MemoryError (a deliberate difference).
print(len(ascii(chr(0x10ffff) * 2**28)))
