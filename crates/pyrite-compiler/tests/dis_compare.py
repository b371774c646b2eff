"""Compare the code objects in a .pyc written by pyrite with python3's own
compile() of the same source: normalised `dis` listings (code object
addresses removed), and the other co_* fields, recursively.

usage: python3 dis_compare.py SOURCE.py OURS.pyc [--positions]
Prints a unified diff per differing code object; exit status 1 if any.
"""
import dis, difflib, io, marshal, re, sys, types

def sort_frozensets(text):
    # A frozenset's element order depends on string hashing and insertion
    # history, not on the compiler: compare them as sets.
    def fix(m):
        try:
            return repr(sorted(eval(m.group(0)), key=repr))
        except Exception:
            return m.group(0)
    return re.sub(r"frozenset\(\{[^{}]*\}\)", fix, text)

def listing(co):
    out = io.StringIO()
    dis.dis(co, file=out, depth=0, show_caches=False)
    return sort_frozensets(re.sub(r" at 0x[0-9a-f]+", "", out.getvalue()))

def fields(co, positions):
    consts = [('<code %s>' % c.co_qualname) if isinstance(c, types.CodeType) else sort_frozensets(repr(c)) for c in co.co_consts]
    f = {
        'argcount': co.co_argcount, 'posonlyargcount': co.co_posonlyargcount,
        'kwonlyargcount': co.co_kwonlyargcount, 'stacksize': co.co_stacksize,
        'flags': hex(co.co_flags), 'consts': consts, 'names': co.co_names,
        'varnames': co.co_varnames, 'cellvars': co.co_cellvars, 'freevars': co.co_freevars,
        'name': co.co_name, 'qualname': co.co_qualname, 'firstlineno': co.co_firstlineno,
        'exceptiontable': co.co_exceptiontable.hex(),
    }
    if positions:
        f['positions'] = list(co.co_positions())
    return f

def walk(a, b, path, diffs, positions):
    la, lb = listing(a), listing(b)
    if la != lb:
        diffs.append("--- %s (dis)\n" % path + "".join(difflib.unified_diff(
            la.splitlines(True), lb.splitlines(True), "cpython", "pyrite", n=2)))
    fa, fb = fields(a, positions), fields(b, positions)
    if positions and fa['positions'] != fb['positions']:
        pa, pb = fa.pop('positions'), fb.pop('positions')
        ops = {i.offset // 2: i.opname for i in dis.get_instructions(b)}
        bad = [(i, x, y) for i, (x, y) in enumerate(zip(pa, pb)) if x != y][:6]
        diffs.append("--- %s: positions differ (%d vs %d units)\n" % (path, len(pa), len(pb)) + "".join(
            "  offset %d %s: cpython %s pyrite %s\n" % (2 * i, ops.get(i, 'CACHE'), x, y) for i, x, y in bad))
    fa.pop('positions', None); fb.pop('positions', None)
    for k in fa:
        if fa[k] != fb[k]:
            diffs.append("--- %s: %s differs\n  cpython: %s\n  pyrite:  %s\n" % (path, k, fa[k], fb[k]))
    ca = [c for c in a.co_consts if isinstance(c, types.CodeType)]
    cb = [c for c in b.co_consts if isinstance(c, types.CodeType)]
    if len(ca) != len(cb):
        diffs.append("--- %s: nested code objects %d vs %d\n" % (path, len(ca), len(cb)))
    for x, y in zip(ca, cb):
        walk(x, y, path + "." + x.co_name, diffs, positions)

def main():
    src_path, pyc_path = sys.argv[1], sys.argv[2]
    positions = '--positions' in sys.argv
    src = open(src_path, 'rb').read()
    theirs = compile(src, src_path, 'exec', dont_inherit=True)
    data = open(pyc_path, 'rb').read()
    ours = marshal.loads(data[16:])
    diffs = []
    walk(theirs, ours, '<module>', diffs, positions)
    for d in diffs:
        sys.stdout.write(d)
    sys.exit(1 if diffs else 0)

main()
