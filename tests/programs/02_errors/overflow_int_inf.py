# Converting an infinite float to int.
inf = float('inf')
print(int(inf))
