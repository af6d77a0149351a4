# Floor division rounds toward minus infinity, whatever the signs.
print(7 // 2)
print(-7 // 2)
print(7 // -2)
print(-7 // -2)
