# hex(), oct(), bin(), chr() and ord().
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(hex(2 ** 70), bin(2 ** 65))
print(chr(65), chr(97), chr(233), chr(0x20AC), chr(0x1F600), repr(chr(0)), repr(chr(10)))
print(ord('A'), ord('é'), ord('€'), ord('😀'), ord(b'a'))
