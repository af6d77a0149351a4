# Accumulators: a closure over a list mutates it without nonlocal; one over a number needs it.
def make_history():
    seen = []
    def add(x):
        seen.append(x)
        return len(seen)
    def items():
        return seen
    return add, items

def make_average():
    total = 0
    count = 0
    def add(x):
        nonlocal total, count
        total += x
        count += 1
        return total / count
    return add

add, items = make_history()
print(add('a'), add('b'), add('c'), items())
add2, items2 = make_history()
print(add2(1), items2(), items())
avg = make_average()
for value in [10, 20, 30, 40]:
    print('average after', value, 'is', avg(value))
other = make_average()
print(other(1), avg(0))
