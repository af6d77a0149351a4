# A function that falls off its end returns None; a call is an expression.
def shout(text):
    print(text * 2)

result = shout("ab")
print(result)
print(shout("-"), shout("="))
