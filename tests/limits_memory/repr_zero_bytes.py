# The repr of 2**29 zero bytes is 2 GB (\x00 four times 2**29). CPython builds
# it in place and prints 2147483651; here the text is built, then copied into
# a str value, 4.5 GB at the peak: MemoryError (a deliberate difference).
print(len(repr(b'\x00' * 2**29)))
