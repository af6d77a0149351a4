# Frozensets whose items collide in CPython's hash table: their iteration order
# depends on insertion order, and the .pyc (marshal sorts set items since 3.11)
# no longer holds the source order. This fixture's .dis is therefore made from
# the .pyc, as CPython prints the *loaded* constant:
#   PYTHONHASHSEED=0 python3.11 -c "import dis, marshal, sys; \
#       dis.dis(marshal.loads(open(sys.argv[1], 'rb').read()[16:]))" set_collisions.pyc
# (`python3.11 -m dis set_collisions.py` lists other orders for both sets.)
# corpus: dis-from-pyc
mixed = 2.5 in {1, 2.5, "x", b"y", (1, "t"), -3, 1.5 + 2j}
words = "k" in {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "\u00e9t\u00e9", "\u2603", "\U0001f600", ""}
print(mixed, words)
