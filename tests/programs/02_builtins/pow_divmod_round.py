# pow() with 2 and 3 arguments, divmod(), and round() with banker's rounding.
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(2, 10, 1000), pow(-2, 3, 5))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.4))
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1.23456, 3))
print(round(1234.5678, -2), round(15, -1), round(25, -1), round(7), round(7.0), round(2.5, 0))
print(round(-0.0), round(123, 2), round(-155, -1), round(1e300, 2))
