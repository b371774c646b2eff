"""Disassemble every top-level function of corpus.py with the `dis`
module, as `### NAME` followed by the listing (nested code objects
included) and `dis.code_info` of each code object (argument counts, stack
size, flags, constants, names, variables), addresses normalised to `0x...`.

    PYTHONHASHSEED=0 python3 tests/dis_corpus/dump.py > tests/dis_corpus/expected.txt  # regenerate
    PYTHONHASHSEED=0 pyrite tests/dis_corpus/dump.py   # what crates/pyrite-cli/tests/dis_corpus.rs runs
"""
import dis
import io
import os
import re
import types

here = os.path.dirname(os.path.abspath(__file__))


def dump(filename, prefix):
    with open(os.path.join(here, filename), encoding="utf-8") as f:
        source = f.read()
    namespace = {"__name__": "corpus"}
    exec(compile(source, filename, "exec"), namespace)
    for name, value in namespace.items():
        if not isinstance(value, types.FunctionType) or value.__code__.co_filename != filename:
            continue
        out = io.StringIO()
        dis.dis(value, file=out)
        todo = [value.__code__]
        while todo:
            code = todo.pop(0)
            print(file=out)
            print(dis.code_info(code), file=out)
            todo.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
        print("###", prefix + name)
        print(re.sub(r" at 0x[0-9a-f]+", " at 0x...", out.getvalue()), end="")


dump("corpus.py", "")
# `from __future__ import annotations` applies to a whole module.
dump("corpus_future.py", "future:")
