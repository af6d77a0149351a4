# CPython prints "caught": a stage that cannot run handlers must not end with
# the uncaught ZeroDivisionError instead.
print("before")
try:
    1 / 0
except ZeroDivisionError:
    print("caught")
