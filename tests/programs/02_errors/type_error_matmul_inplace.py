# `@=` (BINARY_OP 17) exists for no built-in type either.
a = 2
a @= 3
