# Strings: + concatenates, * repeats.
greeting = "Hello"
name = "world"
print(greeting + ", " + name + "!")
print("ab" * 3)
print(3 * "-=" + "-")
print("# is not a comment inside quotes")
