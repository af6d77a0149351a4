# Sorting with a key function: records made by a linear congruential generator
# are sorted by a key that returns a tuple, then by a key on one field with
# reverse=True (stable), then plainly. Times the key calls and tuple comparisons.
def make_records(n):
    seed = 42
    records = []
    for i in range(n):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        records.append(((seed >> 40) % 1000, (seed >> 20) % 97, i))
    return records


def by_mod_then_value(record):
    return (record[1], -record[0])


def by_value(record):
    return record[0]


records = make_records(80000)
a = sorted(records, key=by_mod_then_value)
b = sorted(records, key=by_value, reverse=True)
c = sorted(records)
for _ in range(3):
    records.sort(key=by_value)
    records.sort(key=by_mod_then_value)
print(a[:2], a[-1], b[:2], b[-1], c[0], c[-1], records[0])
