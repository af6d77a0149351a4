# Defining a function and calling it: MAKE_FUNCTION, LOAD_FAST, RETURN_VALUE from a frame.
def add(a, b):
    return a + b

def greet(name):
    message = "hello, " + name
    return message

print(add(2, 3))
print(add("con", "cat"))
print(greet("frame"))
