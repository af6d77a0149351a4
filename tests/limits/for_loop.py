print("before")
for c in "ab":
    print(c)
