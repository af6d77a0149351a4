# Uncaught: a closure reads a free variable that the enclosing function has not assigned yet.
def report(items):
    def describe(item):
        return prefix + str(item)
    lines = [describe(item) for item in items]
    prefix = '- '
    return lines

print('building the report')
print(report([1, 2]))
