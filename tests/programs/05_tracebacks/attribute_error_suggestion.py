# An uncaught AttributeError for a mistyped method ends with "Did you mean".
try:
    [].apend
except AttributeError as e:
    print("caught:", e, "| name:", e.name)
words = "a b c".split()
words.apend("d")
