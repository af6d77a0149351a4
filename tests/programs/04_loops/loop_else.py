# A loop's else clause runs when the loop ends without break: for and while.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, '=', d, '*', n // d)
            break
    else:
        print(n, 'is prime')
for x in []:
    print('never')
else:
    print('else after an empty loop')
i = 0
while i < 3:
    i += 1
else:
    print('while ended normally at', i)
while True:
    break
else:
    print('not printed: the loop broke')
print('end')
