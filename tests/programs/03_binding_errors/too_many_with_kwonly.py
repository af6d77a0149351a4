# Keyword-only arguments given count in the message.
def f(a, *, k):
    return a

f(1, 2, k=3)
