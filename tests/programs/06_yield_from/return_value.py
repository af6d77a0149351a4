# `result = yield from sub()` gets the value sub returns; the values it yields pass straight out.
def read_block(lines):
    count = 0
    for line in lines:
        if line == '':
            return count
        count += 1
        yield line.upper()
    return count

def read_all(lines):
    sizes = []
    while lines:
        size = yield from read_block(lines)
        sizes.append(size)
        lines = lines[size + 1:]
    return sizes

g = read_all(['a', 'b', '', 'c', '', 'd', 'e', 'f'])
out = []
while True:
    try:
        out.append(next(g))
    except StopIteration as e:
        print(out, 'block sizes', e.value)
        break

def nothing():
    return 'nothing yielded'
    yield

def wrapper():
    result = yield from nothing()
    yield result

print(list(wrapper()))
