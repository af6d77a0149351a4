# Generated: `python3 gen.py > tests/bench/mixed_calls.py`, where gen.py is:
#
#     # The doubling tree with every way of passing arguments at once: positional
#     # and keyword arguments, a default left out, a keyword-only argument, a
#     # positional-only one, and *args and **kwargs collected and spread. About 1.6
#     # million calls; each binds arguments through the general path of
#     # initialize_locals, not the exact-arguments fast path.
#     N = 18
#     print("def m1(a, /, b=1, *rest, c=2, **extra):\n    return a + b + c + len(rest) + len(extra)\n")
#     for k in range(2, N + 1):
#         print(
#             f"\ndef m{k}(a, /, b=1, *rest, c=2, **extra):\n"
#             f"    x = m{k - 1}(a, c=0)\n"
#             f"    return m{k - 1}(*((x, b) + rest), c=c, **extra) % 1000003\n"
#         )
#     print(f"\nprint(m{N}(0))\nprint(m{N}(1, 2, 3, c=4, d=5))")

def m1(a, /, b=1, *rest, c=2, **extra):
    return a + b + c + len(rest) + len(extra)


def m2(a, /, b=1, *rest, c=2, **extra):
    x = m1(a, c=0)
    return m1(*((x, b) + rest), c=c, **extra) % 1000003


def m3(a, /, b=1, *rest, c=2, **extra):
    x = m2(a, c=0)
    return m2(*((x, b) + rest), c=c, **extra) % 1000003


def m4(a, /, b=1, *rest, c=2, **extra):
    x = m3(a, c=0)
    return m3(*((x, b) + rest), c=c, **extra) % 1000003


def m5(a, /, b=1, *rest, c=2, **extra):
    x = m4(a, c=0)
    return m4(*((x, b) + rest), c=c, **extra) % 1000003


def m6(a, /, b=1, *rest, c=2, **extra):
    x = m5(a, c=0)
    return m5(*((x, b) + rest), c=c, **extra) % 1000003


def m7(a, /, b=1, *rest, c=2, **extra):
    x = m6(a, c=0)
    return m6(*((x, b) + rest), c=c, **extra) % 1000003


def m8(a, /, b=1, *rest, c=2, **extra):
    x = m7(a, c=0)
    return m7(*((x, b) + rest), c=c, **extra) % 1000003


def m9(a, /, b=1, *rest, c=2, **extra):
    x = m8(a, c=0)
    return m8(*((x, b) + rest), c=c, **extra) % 1000003


def m10(a, /, b=1, *rest, c=2, **extra):
    x = m9(a, c=0)
    return m9(*((x, b) + rest), c=c, **extra) % 1000003


def m11(a, /, b=1, *rest, c=2, **extra):
    x = m10(a, c=0)
    return m10(*((x, b) + rest), c=c, **extra) % 1000003


def m12(a, /, b=1, *rest, c=2, **extra):
    x = m11(a, c=0)
    return m11(*((x, b) + rest), c=c, **extra) % 1000003


def m13(a, /, b=1, *rest, c=2, **extra):
    x = m12(a, c=0)
    return m12(*((x, b) + rest), c=c, **extra) % 1000003


def m14(a, /, b=1, *rest, c=2, **extra):
    x = m13(a, c=0)
    return m13(*((x, b) + rest), c=c, **extra) % 1000003


def m15(a, /, b=1, *rest, c=2, **extra):
    x = m14(a, c=0)
    return m14(*((x, b) + rest), c=c, **extra) % 1000003


def m16(a, /, b=1, *rest, c=2, **extra):
    x = m15(a, c=0)
    return m15(*((x, b) + rest), c=c, **extra) % 1000003


def m17(a, /, b=1, *rest, c=2, **extra):
    x = m16(a, c=0)
    return m16(*((x, b) + rest), c=c, **extra) % 1000003


def m18(a, /, b=1, *rest, c=2, **extra):
    x = m17(a, c=0)
    return m17(*((x, b) + rest), c=c, **extra) % 1000003


print(m18(0))
print(m18(1, 2, 3, c=4, d=5))
