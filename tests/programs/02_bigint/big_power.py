# Powers and three-argument pow with big ints.
three = 3
print(three ** 100)
print(2 ** 200)
print(pow(three, 200, 1000), pow(2, 100, 1000003), pow(three, -1, 7))
print(7 ** 77 % 1000, (-three) ** 41)
print(10 ** 50 // 7, 10 ** 50 % 7)
