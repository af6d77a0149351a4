# Set operators: | & - ^ build new sets; <, <=, >, >= test subsets; a set and a
# frozenset mix, and the result has the left operand's type.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= a, a < a, {1, 2} < a, a > {1}, a >= b, {1, 2} <= {2, 1})
f = frozenset([3, 9])
print(a | f, f | a, f & a, f - a, type(a & f).__name__, type(f & a).__name__)
print(a == {4, 3, 2, 1}, frozenset(a) == a, set() == set(), {0} == {False})
c = a
c |= {10}
c &= {1, 2, 10, 12}
print(a, c is a)
c -= {1}
c ^= {2, 3}
print(a)
print({1, 2}.isdisjoint({3}), {1, 2}.isdisjoint([2]), {1}.issubset([1, 2]))
print({1, 2, 3}.issuperset((1, 3)), set('abc') <= set('abcd'))
