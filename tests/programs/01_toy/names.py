# Names: bind a value once, use it many times.
width = 6
height = 7
area = width * height
print(area)
width = width + 1
print(width * height)
