# Output that stays in the stdout buffer until the flush at exit (s02_interrupt.rs).
print('hello')
