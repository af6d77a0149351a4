# Runaway recursion: RecursionError at CPython's default limit, never a crash.
def forever(n):
    return forever(n + 1)

print("start")
forever(0)
