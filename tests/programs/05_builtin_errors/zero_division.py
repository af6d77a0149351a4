# ZeroDivisionError from every operator that divides, each with its own message.
cases = [(7, 0, '/'), (7, 0, '//'), (7, 0, '%'), (7.0, 0, '/'),
         (7.5, 0.0, '%'), (0, -1, '**'), (7, 0, 'divmod')]
for a, b, op in cases:
    try:
        if op == '/':
            result = a / b
        elif op == '//':
            result = a // b
        elif op == '%':
            result = a % b
        elif op == '**':
            result = 0.0 ** b
        else:
            result = divmod(a, b)
        print(a, op, b, '=', result)
    except ZeroDivisionError as e:
        print(a, op, b, '->', e)
