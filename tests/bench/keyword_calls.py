# Generated: `python3 gen.py > tests/bench/keyword_calls.py`, where gen.py is:
#
#     # The doubling tree again, with a default argument and a keyword-only argument:
#     # at each level the inner call leaves both to their defaults and the outer call
#     # passes `step` by position and `scale` by keyword (KW_NAMES). Three calls of
#     # k18 make about 1.6 million calls, each binding arguments to parameters.
#     N = 18
#     print("def k1(n, step=1, *, scale=1):\n    return n * scale + step\n")
#     for k in range(2, N + 1):
#         print(
#             f"\ndef k{k}(n, step=1, *, scale=1):\n"
#             f"    return k{k - 1}(k{k - 1}(n), step, scale=scale)\n"
#         )
#     print(f"\nprint(k{N}(0))\nprint(k{N}(1, 2))\nprint(k{N}(1, step=3, scale=1))")

def k1(n, step=1, *, scale=1):
    return n * scale + step


def k2(n, step=1, *, scale=1):
    return k1(k1(n), step, scale=scale)


def k3(n, step=1, *, scale=1):
    return k2(k2(n), step, scale=scale)


def k4(n, step=1, *, scale=1):
    return k3(k3(n), step, scale=scale)


def k5(n, step=1, *, scale=1):
    return k4(k4(n), step, scale=scale)


def k6(n, step=1, *, scale=1):
    return k5(k5(n), step, scale=scale)


def k7(n, step=1, *, scale=1):
    return k6(k6(n), step, scale=scale)


def k8(n, step=1, *, scale=1):
    return k7(k7(n), step, scale=scale)


def k9(n, step=1, *, scale=1):
    return k8(k8(n), step, scale=scale)


def k10(n, step=1, *, scale=1):
    return k9(k9(n), step, scale=scale)


def k11(n, step=1, *, scale=1):
    return k10(k10(n), step, scale=scale)


def k12(n, step=1, *, scale=1):
    return k11(k11(n), step, scale=scale)


def k13(n, step=1, *, scale=1):
    return k12(k12(n), step, scale=scale)


def k14(n, step=1, *, scale=1):
    return k13(k13(n), step, scale=scale)


def k15(n, step=1, *, scale=1):
    return k14(k14(n), step, scale=scale)


def k16(n, step=1, *, scale=1):
    return k15(k15(n), step, scale=scale)


def k17(n, step=1, *, scale=1):
    return k16(k16(n), step, scale=scale)


def k18(n, step=1, *, scale=1):
    return k17(k17(n), step, scale=scale)


print(k18(0))
print(k18(1, 2))
print(k18(1, step=3, scale=1))
