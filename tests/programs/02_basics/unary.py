# The four unary operators on names: UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT, UNARY_NOT.
x = 5
y = -2.5
z = 0
print(-x, +x, ~x, not x)
print(-y, +y, not y)
print(-z, ~z, not z, ~-x)
s = ''
print(not s, -(-x), + -x)
