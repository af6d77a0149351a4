# **kwargs collects surplus keyword arguments into a dict, in call order.
def f(a, **options):
    return a, options

print(f(1))
print(f(1, z=26, y=25, x=24))
