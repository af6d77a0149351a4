# A mistyped builtin: the last line of the traceback guesses the name meant.
print("before")
prnt("after")
