# `raise e` of a caught exception in the same function: that frame appears twice in the traceback.
def convert(text):
    try:
        return float(text)
    except ValueError as e:
        print('could not convert', repr(text))
        raise e

print(convert('2.5'))
print(convert('2,5'))
