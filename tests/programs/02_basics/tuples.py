# Tuples: BUILD_TUPLE from names, constant tuples, nesting, concatenation and repetition (no subscripts).
a = 1
b = 'two'
c = 3.0
t = (a, b, c)
print(t)
print((), (a,), (a, b))
nested = (t, (None, True), ())
print(nested)
print(t + (a,), (a, b) * 2, 0 * t)
print(len(t), len(()), len(nested))
