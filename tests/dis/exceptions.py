# try/except/else/finally, raise from, except*-free handlers, nested try.
def risky(n):
    if n < 0:
        raise ValueError("negative")
    return 10 // n


def handle(n):
    try:
        result = risky(n)
    except ZeroDivisionError as exc:
        print("zero:", exc)
        result = None
    except (ValueError, TypeError):
        result = -1
    else:
        print("ok")
    finally:
        print("done")
    return result


def chain():
    try:
        try:
            {}["missing"]
        except KeyError as e:
            raise RuntimeError("wrapped") from e
    except RuntimeError:
        pass
    assert chain is not None, "chain"


for n in (2, 0, -1):
    print(handle(n))
chain()
