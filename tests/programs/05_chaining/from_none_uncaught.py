# An uncaught `raise ... from None` prints only its own traceback: the context is suppressed.
def first_word(text):
    try:
        return text.split()[0]
    except IndexError:
        raise ValueError('no words in ' + repr(text)) from None

print(first_word('hello world'))
print(first_word('   '))
