# Generated: `python3 gen.py > tests/bench/call_tree.py`, where gen.py is:
#
#     # A doubling tree of plain calls: d21 calls d20 twice, which calls d19 twice, and
#     # so on down to d1, so d21(0) makes 2**21 - 1 (about two million) calls and
#     # returns 2**20. Each call does almost no work: this times the call path itself
#     # (CALL, a new frame, RETURN_VALUE).
#     N = 21
#     print("def d1(n):\n    return n + 1\n")
#     for k in range(2, N + 1):
#         print(f"\ndef d{k}(n):\n    return d{k - 1}(d{k - 1}(n))\n")
#     print(f"\nprint(d{N}(0))")

def d1(n):
    return n + 1


def d2(n):
    return d1(d1(n))


def d3(n):
    return d2(d2(n))


def d4(n):
    return d3(d3(n))


def d5(n):
    return d4(d4(n))


def d6(n):
    return d5(d5(n))


def d7(n):
    return d6(d6(n))


def d8(n):
    return d7(d7(n))


def d9(n):
    return d8(d8(n))


def d10(n):
    return d9(d9(n))


def d11(n):
    return d10(d10(n))


def d12(n):
    return d11(d11(n))


def d13(n):
    return d12(d12(n))


def d14(n):
    return d13(d13(n))


def d15(n):
    return d14(d14(n))


def d16(n):
    return d15(d15(n))


def d17(n):
    return d16(d16(n))


def d18(n):
    return d17(d17(n))


def d19(n):
    return d18(d18(n))


def d20(n):
    return d19(d19(n))


def d21(n):
    return d20(d20(n))


print(d21(0))
