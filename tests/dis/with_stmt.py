# `with` statements: one and two managers, `as` targets, suppressed exceptions.
class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind)
        return True


with Manager("a") as a, Manager("b"):
    print("body", a.name)
    raise KeyError("swallowed")

with Manager("c"):
    pass
