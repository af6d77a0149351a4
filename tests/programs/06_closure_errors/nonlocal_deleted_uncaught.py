# Uncaught: an inner function deletes a nonlocal, then a sibling closure reads the empty cell.
def session():
    user_key = 'abc123'
    def logout():
        nonlocal user_key
        del user_key
    def whoami():
        return 'signed in with ' + user_key
    print(whoami())
    logout()
    print(whoami())

session()
