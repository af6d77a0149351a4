# for loops with break (leave the loop, popping the iterator) and continue (go on
# with the next item).
for n in range(10):
    if n % 3 == 0:
        continue
    if n > 7:
        break
    print(n, end=' ')
print()
words = ['apple', 'banana', '', 'cherry', 'stop', 'date']
kept = []
for w in words:
    if not w:
        continue
    if w == 'stop':
        break
    kept.append(w.upper())
print(kept)
def first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return -1
print(first_negative([3, 1, -4, 1, -5]), first_negative([1, 2]))
count = 0
for c in 'mississippi':
    if c != 's':
        continue
    count += 1
print('s appears', count, 'times')
