# `/` always gives a float, even for ints that divide exactly; ints are divided with correct rounding.
a = 1
b = 3
print(a / b, 6 / b, -a / b, b / -a)
big = 10 ** 30
print(big / 3, big / big, (big + 1) / big)
huge = 10 ** 400
print(huge / 10 ** 399, 1 / huge)
print(2 ** 1000 / 2 ** 999)
f = 1.5
print(f / 2, a / f, f / -0.5)
