# Output longer than the 8 KiB stdout buffer: written while the program runs,
# so a full disk or a closed pipe fails the print (s02_interrupt.rs).
print('x' * 9000)
print('done')
