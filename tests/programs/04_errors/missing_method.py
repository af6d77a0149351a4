# Asking a built-in value for a method it does not have is an AttributeError.
stack = [1, 2]
stack.append(3)
print(stack.pop(), stack)
stack.push(4)
