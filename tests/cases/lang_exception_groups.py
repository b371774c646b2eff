"""ExceptionGroup construction rules, split/subgroup/derive, except* re-raise assembly."""
def t(f):
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
t(lambda: ExceptionGroup(1,[ValueError()]))
t(lambda: ExceptionGroup('m'))
t(lambda: ExceptionGroup('m',[]))
t(lambda: ExceptionGroup('m',5))
t(lambda: ExceptionGroup('m',[1]))
t(lambda: ExceptionGroup('m',[KeyboardInterrupt()]))
t(lambda: type(BaseExceptionGroup('m',[ValueError()])))
t(lambda: type(BaseExceptionGroup('m',[KeyboardInterrupt()])))
t(lambda: BaseExceptionGroup('m',[ValueError()],x=1))
t(lambda: ExceptionGroup('m',[ValueError()]).split(3))
class E(ExceptionGroup): pass
t(lambda: E('m',[KeyboardInterrupt()]))
t(lambda: str(ExceptionGroup('m',[ValueError()])))
t(lambda: str(ExceptionGroup('m',[ValueError(), TypeError()])))
t(lambda: ExceptionGroup('m',(ValueError(),)).args)
t(lambda: ExceptionGroup.__mro__)
t(lambda: vars(ExceptionGroup('m',[ValueError()])))
eg = ExceptionGroup('top', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)]), KeyError(4)])
eg.add_note("n1")
print(eg.split(ValueError))
print(eg.split((TypeError, KeyError)))
print(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
m, r = eg.split(ValueError); print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
print(eg.subgroup(ExceptionGroup) is eg, eg.split(BaseException)[1])
class MyEG(ExceptionGroup):
    def derive(self, excs): return MyEG(self.message + '!', excs)
print(repr(MyEG('x', [ValueError(1), TypeError(2)]).split(ValueError)))
for handler in range(3):
  try:
    try:
      raise ExceptionGroup('g', [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as g:
      print('V', repr(g))
      if handler == 1: raise
    except* TypeError as g:
      print('T', repr(g))
      if handler == 2: raise RuntimeError('new')
  except BaseException as e:
    print('out', repr(e))
try:
  try: raise ValueError(5)
  except* ValueError as g: print(repr(g), repr(g.exceptions))
except BaseException as e: print('x', e)
try:
  try: raise ValueError(5)
  except* ExceptionGroup: pass
except BaseException as e: print(type(e).__name__, e)
print(isinstance(ExceptionGroup('a',[ValueError()]), Exception), issubclass(BaseExceptionGroup, Exception))
