def count_up(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


for x in count_up(2):
    print(x)
