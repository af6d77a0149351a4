# A for loop over a value that is not iterable raises TypeError at GET_ITER.
for ch in 'ok':
    print(ch)
count = 3
for i in count:
    print(i)
