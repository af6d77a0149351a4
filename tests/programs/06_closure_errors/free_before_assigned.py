# Calling a closure before the enclosing function assigns its variable raises NameError.
def outer():
    def inner():
        return limit * 2
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ':', e)
    limit = 21
    return inner()

print(outer())

def make_pair():
    def first():
        return second()
    result = []
    try:
        first()
    except NameError as e:
        result.append(str(e))
    def second():
        return 'second was defined later'
    result.append(first())
    return result

for line in make_pair():
    print(line)
