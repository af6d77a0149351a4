# A mistyped method: the guess comes from dir() of the object.
words = ["a", "b"]
words.apend("c")
