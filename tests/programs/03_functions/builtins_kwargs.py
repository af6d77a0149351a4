# Builtins take keyword arguments through KW_NAMES too.
def show(*values, sep):
    print(*values, sep=sep, end=".\n")

show(1, 2, 3, sep="+")
print(int("ff", base=16), int("0o17", base=0))
print(round(2.675, ndigits=2), pow(3, 4, mod=5))
