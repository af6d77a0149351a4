# The container constructors and the builtins that consume iterables: len, list,
# tuple, dict, set, frozenset, sorted and reversed.
print(len('abc'), len([1, 2]), len((1,)), len({'a': 1}), len({1, 2, 2}))
print(len(range(5)), len(b'xy'), len(''), len([[]]), len({}))
print(list('ab'), list((1, 2)), list({'k': 'v'}), list(range(3)), list(), list([1]) is [1])
print(tuple([1, 2]), tuple('ab'), tuple({'k': 1}), tuple())
print(dict([('a', 1), ('b', 2)]), dict(a=1), dict(), dict(zip('xy', [1, 2])))
print(set([3, 1, 3]), set('aa'), set(), frozenset([1, 1]), frozenset())
print(sorted([3, 1, 2]), sorted('cab'), sorted({'b': 1, 'a': 2}), sorted((2, 1), reverse=True))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))))
print(list(reversed((1, 2))), list(reversed({'a': 1, 'b': 2})), tuple(reversed([])))
a = [1, 2]
b = list(a)
b.append(3)
print(a, b, a is b)
