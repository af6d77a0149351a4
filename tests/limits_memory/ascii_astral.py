# ascii() of 2**28 copies of U+10FFFF is 2.7 GB of \U0010ffff escapes. CPython
# builds them in place beside the 1 GB str and prints 2684354562; here they are
# built, then copied into a str value, 6.4 GB at the peak: MemoryError (a
# deliberate difference).
print(len(ascii(chr(0x10ffff) * 2**28)))
