# An uncaught error inside a call: ^ under the whole call in each frame where it is part of a line.
def parse(text):
    digits = text.strip()
    return int(digits)

total = parse(' 4 ') + parse('5')
print(total)
try:
    total = total + parse('')
except ValueError as e:
    print('caught:', e)
total = total + parse('six') * 2
