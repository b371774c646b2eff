def m(x):
    match x:
        case 0 | 1 as n:
            return n
        case [a, b, *rest]:
            return a, b, rest
        case [_, *_, last]:
            return last
        case {"k": v, **kw}:
            return v, kw
        case {"a": 1}:
            return 1
        case Point(x=0, y=yy) | Point(yy, 0):
            return yy
        case str() | bytes():
            return "s"
        case None:
            return None
        case -1.5 | 2j | True:
            return 2
        case C.attr if x > 1:
            return 3
        case (p, q) | [q, p]:
            return p, q
        case _:
            return 4

def m2(x):
    match x:
        case [*_]:
            pass
        case {}:
            pass
        case y:
            print(y)
