# A tokenizer whose helper closures share nonlocal state (position, current word) in a loop.
def split_words(text):
    words = []
    pos = 0
    current = ''
    def flush():
        nonlocal current
        if current:
            words.append(current)
        current = ''
    def advance():
        nonlocal pos, current
        c = text[pos]
        pos += 1
        if c == ' ' or c == ',':
            flush()
        elif c == '.':
            flush()
            return False
        else:
            current += c
        return True
    while pos < len(text) and advance():
        pass
    flush()
    return words, pos

print(split_words('the quick, brown fox. jumps'))
print(split_words('no stop here'))
print(split_words(''))
