# The constructors int(), float() and bool(): parsing text, bases, truncation and truthiness.
print(int('42'), int('  12 '), int('-7'), int('+3'), int('1_000'))
print(int('ff', 16), int('FF', 16), int('z', 36), int('0x1f', 16), int('0b101', 0), int('0o17', 0), int('777', 8))
print(int(3.9), int(-3.9), int(True), int(), int(2 ** 70))
print(float('1e5'), float('inf'), float('-inf'), float(' 1.5 '), float('1_0.5'))
print(float(3), float(True), float(), float('-0'), float('.5'), float('5.'))
print(bool(0), bool(3), bool(''), bool('0'), bool(()), bool((0,)), bool(None), bool())
