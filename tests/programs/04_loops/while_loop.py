# while loops: the test runs before every pass; `while True` with break.
n = 27
steps = 0
peak = n
while n != 1:
    if n % 2:
        n = 3 * n + 1
    else:
        n //= 2
    steps += 1
    if n > peak:
        peak = n
print('collatz 27:', steps, 'steps, peak', peak)
i = 10
while i:
    i -= 3 if i >= 3 else i
    print(i, end=' ')
print()
total = 0
k = 0
while True:
    k += 1
    total += k * k
    if total > 1000:
        break
print('first k with sum of squares over 1000:', k, total)
x = 0
while x < 0:
    print('never printed')
print('done')
