# Structural pattern matching: literals, sequences, mappings, classes, guards.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(value):
    match value:
        case 0 | 1:
            return "bit"
        case [x, y, *rest]:
            return f"seq {x} {y} {rest}"
        case {"kind": kind, **others}:
            return f"map {kind} {others}"
        case Point(x, y=0) if x > 0:
            return "on axis"
        case Point():
            return "point"
        case str() as s:
            return "str " + s
        case _:
            return "other"


for v in (1, [1, 2, 3], {"kind": "k", "a": 1}, Point(2, 0), Point(0, 1), "s", None):
    print(describe(v))
