# The six comparison operators (COMPARE_OP) across int, big int, float and bool,
# mixing the types: numbers compare by value, whatever their type.
big = 2 ** 100
pairs = [(1, 2), (2, 2), (3, 2), (-5, big), (big, big + 1), (big, big),
         (1.5, 1), (2, 2.0), (True, 1), (False, 0.0), (True, 2), (big, 1e30),
         (-big, -1e31), (0.1, 0), (-0.0, 0)]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
