# The smallest program: RESUME, PUSH_NULL, LOAD_NAME print, LOAD_CONST, PRECALL, CALL, POP_TOP, RETURN_VALUE.
print('hello, world')
