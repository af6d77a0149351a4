# Uncaught infinite recursion: RecursionError; the repeated frame is printed 3 times, then counted.
def countdown(n):
    return countdown(n - 1)

try:
    countdown(3)
except RecursionError as e:
    print('caught the first time:', e)
print('counting down forever, uncaught')
countdown(10)
