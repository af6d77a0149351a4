# A bare `except:` catches every exception, whatever its class.
def attempt(step):
    try:
        if step == 0:
            return len(5)
        if step == 1:
            return 'abc'.no_such_method()
        if step == 2:
            return undefined_name
        return 'ok'
    except:
        return 'failed at step ' + str(step)

for step in range(4):
    print(attempt(step))
try:
    raise KeyboardInterrupt
except:
    print('even KeyboardInterrupt')
