# Generated: `python3 gen.py > tests/bench/startup.py`, where gen.py is:
#
#     # The smallest program: it times starting the interpreter, loading a .pyc and
#     # printing one line. Every other time in the table includes this much.
#     print('print("hello")')

print("hello")
