# A unary operator on a type that does not support it.
s = 'text'
print(-s)
