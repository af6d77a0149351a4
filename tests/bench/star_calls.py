# Generated: `python3 gen.py > tests/bench/star_calls.py`, where gen.py is:
#
#     # The doubling tree with *args and **kwargs: every level collects its extra
#     # arguments into a tuple and a dict and spreads them again for the next level,
#     # with the running total passed by keyword (CALL_FUNCTION_EX, BUILD_MAP,
#     # DICT_MERGE). Two calls of v17 make about half a million such calls.
#     N = 17
#     print("def v1(*args, n=0, **kwargs):\n    return n + len(args) + len(kwargs)\n")
#     for k in range(2, N + 1):
#         print(
#             f"\ndef v{k}(*args, n=0, **kwargs):\n"
#             f"    return v{k - 1}(*args, n=v{k - 1}(*args, n=n, **kwargs), **kwargs)\n"
#         )
#     print(f"\nprint(v{N}())\nprint(v{N}(1, 2, x=3))")

def v1(*args, n=0, **kwargs):
    return n + len(args) + len(kwargs)


def v2(*args, n=0, **kwargs):
    return v1(*args, n=v1(*args, n=n, **kwargs), **kwargs)


def v3(*args, n=0, **kwargs):
    return v2(*args, n=v2(*args, n=n, **kwargs), **kwargs)


def v4(*args, n=0, **kwargs):
    return v3(*args, n=v3(*args, n=n, **kwargs), **kwargs)


def v5(*args, n=0, **kwargs):
    return v4(*args, n=v4(*args, n=n, **kwargs), **kwargs)


def v6(*args, n=0, **kwargs):
    return v5(*args, n=v5(*args, n=n, **kwargs), **kwargs)


def v7(*args, n=0, **kwargs):
    return v6(*args, n=v6(*args, n=n, **kwargs), **kwargs)


def v8(*args, n=0, **kwargs):
    return v7(*args, n=v7(*args, n=n, **kwargs), **kwargs)


def v9(*args, n=0, **kwargs):
    return v8(*args, n=v8(*args, n=n, **kwargs), **kwargs)


def v10(*args, n=0, **kwargs):
    return v9(*args, n=v9(*args, n=n, **kwargs), **kwargs)


def v11(*args, n=0, **kwargs):
    return v10(*args, n=v10(*args, n=n, **kwargs), **kwargs)


def v12(*args, n=0, **kwargs):
    return v11(*args, n=v11(*args, n=n, **kwargs), **kwargs)


def v13(*args, n=0, **kwargs):
    return v12(*args, n=v12(*args, n=n, **kwargs), **kwargs)


def v14(*args, n=0, **kwargs):
    return v13(*args, n=v13(*args, n=n, **kwargs), **kwargs)


def v15(*args, n=0, **kwargs):
    return v14(*args, n=v14(*args, n=n, **kwargs), **kwargs)


def v16(*args, n=0, **kwargs):
    return v15(*args, n=v15(*args, n=n, **kwargs), **kwargs)


def v17(*args, n=0, **kwargs):
    return v16(*args, n=v16(*args, n=n, **kwargs), **kwargs)


print(v17())
print(v17(1, 2, x=3))
