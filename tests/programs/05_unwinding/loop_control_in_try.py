# break, continue and return inside try and except blocks in loops leave the handler state clean.
def first_number(texts):
    for text in texts:
        try:
            return int(text)
        except ValueError:
            continue
    return None

print(first_number(['a', 'b', '3', '4']), first_number(['x']))
total = 0
for text in ['1', 'two', '3', 'stop', '5']:
    try:
        total += int(text)
    except ValueError:
        if text == 'stop':
            break
        continue
    print('added', text)
print('total', total)
i = 0
while True:
    i += 1
    try:
        if i % 2:
            raise ValueError(i)
        if i > 6:
            break
    except ValueError as e:
        print('odd', e)
print('stopped at', i)
