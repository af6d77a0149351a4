# Closures over parameters: adders, multipliers, and compose(), which closes over two functions.
def make_adder(n):
    def add(x):
        return x + n
    return add

def make_multiplier(factor):
    return lambda x: x * factor

def compose(f, g):
    def both(x):
        return f(g(x))
    return both

add5 = make_adder(5)
add10 = make_adder(10)
triple = make_multiplier(3)
print(add5(1), add10(1), triple(7), triple('ab'))
add5_then_triple = compose(triple, add5)
triple_then_add5 = compose(add5, triple)
print(add5_then_triple(1), triple_then_add5(1))
pipeline = compose(compose(add10, triple), add5)
print(pipeline(0), pipeline(2))
adders = [make_adder(i) for i in range(4)]
print([f(100) for f in adders])

def make_power(exp=2):
    return lambda base: base ** exp

print(make_power()(9), make_power(3)(2), make_power(exp=10)(2))
