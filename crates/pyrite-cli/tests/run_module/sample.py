"""A small program for `-m dis`, `-m tokenize` and friends."""
import sys


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


def squares(n):
    return [k * k for k in range(n) if k % 2]


async def fetch(source):
    async with source as s:
        return await s.read()


def gen(items):
    total = 0
    for i in items:
        try:
            total += yield i
        except ValueError:
            continue
        finally:
            total -= 1
    return total


match sys.argv[1:]:
    case [name, *rest]:
        print("hello", name, rest)
    case _:
        print(squares(10), Point(1, 2))
