# Calls inside calls: each frame has its own value stack.
def square(n):
    return n * n

def sum_of_squares(a, b):
    return square(a) + square(b)

def hyp(a, b):
    return sum_of_squares(a, b) ** 0.5

print(square(7))
print(sum_of_squares(3, 4))
print(hyp(3, 4), hyp(5, 12))
print(square(square(square(2))))
