# An uncaught exception after some buffered output (s02_interrupt.rs).
print('hello')
print(1 // 0)
