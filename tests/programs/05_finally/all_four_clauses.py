# try, except, else and finally together: which blocks run, and in what order.
def trial(text):
    print('try', repr(text))
    try:
        value = int(text)
    except ValueError:
        print('  except')
        value = None
    else:
        print('  else')
    finally:
        print('  finally')
    print('  after:', value)

trial('5')
trial('five')
