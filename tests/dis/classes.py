# Classes, decorators, properties, super(), class bodies with annotations.
def trace(func):
    def wrapper(*args, **kwargs):
        print("call", func.__name__)
        return func(*args, **kwargs)
    return wrapper


class Shape:
    sides: int = 0

    def __init__(self, name):
        self.name = name

    @property
    def label(self):
        return f"{self.name}/{self.sides}"

    @staticmethod
    def unit():
        return 1

    @classmethod
    def make(cls, name):
        return cls(name)


class Square(Shape):
    sides = 4

    @trace
    def area(self, side):
        return super().unit() * side ** 2


sq = Square.make("sq")
print(sq.label, sq.area(3))
