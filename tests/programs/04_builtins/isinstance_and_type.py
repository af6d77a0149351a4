# isinstance with one type or a tuple of types; bool is a subclass of int, and
# the built-in types are themselves values that print and compare.
values = [1, True, 1.5, 'a', b'a', [1], (1,), {1: 2}, {1}, frozenset(), range(1), None]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)))
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool))
print(isinstance(2 ** 100, int), isinstance(1, (str, (float, int))), isinstance([], ()))
print(type(1) is int, type(True) is int, type([]) == list, int, str, type(None))
print(isinstance(len, type(print)), isinstance(int, type), type(type))
