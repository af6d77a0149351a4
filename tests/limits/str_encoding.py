print("before")
print(str(b"abc", "ascii"))
