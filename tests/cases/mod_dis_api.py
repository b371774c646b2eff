# The rest of dis's API on Pyrite's code objects: get_instructions,
# Bytecode, code_info, show_code, findlinestarts, findlabels, source
# strings, classes, code attributes and _opcode.stack_effect.
import dis
import io
import opcode


def clean(text):
    parts = text.split(' at 0x')
    res = parts[0]
    for p in parts[1:]:
        i = 0
        while i < len(p) and p[i] in '0123456789abcdef':
            i += 1
        res += ' at 0x?' + p[i:]
    parts = res.split('file "')
    res = parts[0]
    for p in parts[1:]:
        name, rest = p.split('"', 1)
        res += 'file "' + name.rsplit('/', 1)[-1] + '"' + rest
    parts = res.split('Filename:')
    res = parts[0]
    for p in parts[1:]:
        name, rest = p.split('\n', 1)
        res += 'Filename: ' + name.rsplit('/', 1)[-1].strip() + '\n' + rest
    return res


def capture(fn, *args, **kw):
    out = io.StringIO()
    fn(*args, file=out, **kw)
    print(clean(out.getvalue()))


def sample(a, b=1, *, c=2):
    try:
        for i in range(a):
            if i > b:
                break
    except ValueError:
        return None
    return lambda: a + b + c


for ins in dis.get_instructions(sample):
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval) if not hasattr(ins.argval, 'co_name') else 'code',
          ins.argrepr if 'code object' not in ins.argrepr else 'code', ins.offset,
          ins.starts_line, ins.is_jump_target, tuple(ins.positions))

bc = dis.Bytecode(sample)
print(len(list(bc)), bc.first_line)
print(clean(bc.dis()))
print(clean(bc.info()))
print(clean(dis.code_info(sample)))
capture(dis.show_code, sample)
print(list(dis.findlinestarts(sample.__code__)))
print(dis.findlabels(sample.__code__.co_code))
print('-- source')
capture(dis.dis, 'x = 1\nif x:\n    y = [x for x in range(3)]\n')
capture(dis.dis, 'a + b * 2')
print('-- code object')
capture(dis.dis, compile('import os\nprint(os.sep)', 'mod', 'exec'))
print('-- class')


class C:
    x = 1

    def m(self, v):
        return self.x + v

    @classmethod
    def cm(cls):
        return cls

    @staticmethod
    def sm():
        return 0


capture(dis.dis, C)
print('-- code attributes')
co = sample.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
      co.co_stacksize, co.co_flags, co.co_name, co.co_qualname, co.co_firstlineno)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names)
print(co.co_consts[0], len(co.co_code), co.co_code == co._co_code_adaptive)
print(co.co_exceptiontable, co.co_linetable)
print(list(co.co_lines()))
print(list(co.co_positions())[:6])
inner = [k for k in co.co_consts if hasattr(k, 'co_name')][0]
print(inner.co_freevars, inner.co_name, inner.co_qualname)
r = co.replace(co_name='renamed', co_firstlineno=100)
print(r.co_name, r.co_firstlineno, r.co_code == co.co_code, r == co, co == co.replace())
try:
    co.replace(bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
print(co._varname_from_oparg(0), co._varname_from_oparg(2))
print('-- stack_effect')
for name in ['POP_TOP', 'LOAD_CONST', 'FOR_ITER', 'JUMP_IF_TRUE_OR_POP', 'BUILD_LIST',
             'CALL', 'PRECALL', 'MAKE_FUNCTION', 'FORMAT_VALUE', 'RAISE_VARARGS',
             'SEND', 'BUILD_SLICE', 'UNPACK_EX', 'CACHE', 'NOP']:
    op = opcode.opmap[name]
    arg = 3 if op >= opcode.HAVE_ARGUMENT else None
    print(name, dis.stack_effect(op, arg), dis.stack_effect(op, arg, jump=True),
          dis.stack_effect(op, arg, jump=False))
for args in [(1, 3), (200,), (opcode.opmap['LOAD_CONST'],), (255, 0), (opcode.opmap['LOAD_CONST'], -1)]:
    try:
        print(dis.stack_effect(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(dis.COMPILER_FLAG_NAMES[32], dis.pretty_flags(co.co_flags))
