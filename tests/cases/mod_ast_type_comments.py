# ast.parse(type_comments=True): type comments and type: ignore.
import ast
for s in ['x = 1 # type:int', 'for a in b:  # type: int\n  pass', 'with a as b:  # type: int\n  pass',
          'def f(a):  # type: (int) -> str\n  pass', 'def f(a):\n  # type: (int) -> str\n  pass',
          'def f(a,  # type: int\n      b):\n  pass', 'def f(a,\n      b  # type: str\n      ):\n  pass',
          'x = 1  # type: ignore[foo]\ny = 2 #type:ignore', 'x = 1  #  type:  List[int]  ',
          'async def g(*a,  # type: int\n  **k  # type: str\n  ):  # type: (...) -> None\n    async for x in y:  # type: int\n        pass',
          'x = 1  # type: ignored', 'x = 1  # not a type: int', 'def f(a=1,  # type: int\n b=2): pass']:
    print(ast.dump(ast.parse(s, type_comments=True)))
    print(ast.dump(ast.parse(s)))
