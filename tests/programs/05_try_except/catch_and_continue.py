# try/except catches a ZeroDivisionError and the program goes on after the handler.
print('start')
try:
    x = 1 // 0
    print('not printed')
except ZeroDivisionError:
    print('caught the division by zero')
print('after the try')
for d in [2, 0, 5]:
    try:
        print(10, '//', d, '=', 10 // d)
    except ZeroDivisionError:
        print(10, '//', d, 'is undefined')
print('end')
