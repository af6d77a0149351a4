# An uncaught failed assert: AssertionError with its message, carets under the tested expression.
def withdraw(balance, amount):
    balance = balance - amount
    assert balance >= 0, f'overdrawn by {-balance}'
    return balance

print(withdraw(100, 30))
print(withdraw(100, 130))
