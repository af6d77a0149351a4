# list.sort and sorted: with a key, with reverse=True, and stable: items with equal
# keys keep their order, in a reverse sort too.
def second(pair):
    return pair[1]

def length(word):
    return len(word)

nums = [5, -3, 2, -8, 0, 7]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.sort(key=abs)
print(nums)
words = ['pear', 'fig', 'apple', 'kiwi', 'plum', 'date', 'banana']
print(sorted(words, key=length))
print(sorted(words, key=length, reverse=True))
pairs = [('a', 2), ('b', 1), ('c', 2), ('d', 1), ('e', 3)]
print(sorted(pairs, key=second))
print(sorted(pairs, key=second, reverse=True))
print(sorted(['b', 'A', 'c', 'B'], key=str.lower), sorted(['b', 'A', 'c', 'B']))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')]), sorted('hello'))
mixed = [3, 1.5, True, 2 ** 70, -1]
mixed.sort()
print(mixed, [].sort(), sorted([]))
