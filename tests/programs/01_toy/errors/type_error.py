print("hello" + 1)
