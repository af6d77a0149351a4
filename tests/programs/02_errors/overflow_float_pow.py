# A float power too large for a double raises OverflowError (multiplication gives inf instead).
x = 2.0
print(x * 1e308)
print(x ** 10000)
