"""The same little program three ways: compiled by toy_compiler.py for
toy_vm.py, and compiled by the real compiler for the real VM, shown with
the standard `dis` module (which runs unchanged under pyrite, and prints
exactly what it prints under python3).

    pyrite examples/compare_with_cpython.py
    pyrite -m dis examples/compare_with_cpython.py     # the whole module
    pyrite -X trace examples/compare_with_cpython.py   # every real instruction

Things to notice:
  * Both are stack machines: operands are pushed, an operator pops two
    values and pushes the result, a store pops.
  * The real VM uses LOAD_FAST/STORE_FAST for a function's local variables
    (an index into an array, no dict lookup) where the toy always uses
    names; at module level the real VM uses LOAD_NAME/STORE_NAME too.
  * Real jump arguments are relative (in 2-byte code units), the toy's are
    absolute instruction indexes; `dis` shows the target either way.
  * The real compiler copies a while loop's test to the loop's end, so each
    iteration takes one backward jump instead of two jumps.
  * RESUME, PRECALL and the CACHE entries are 3.11 machinery for the
    specialising interpreter; the toy has none of that.
"""

import dis

from toy_compiler import compile_program, show
from toy_vm import Interpreter

TOY_SOURCE = """
total = 0
i = 1
while i <= 4
    total = total + i * i
    i = i + 1
end
print total
"""


def sum_of_squares():
    total = 0
    i = 1
    while i <= 4:
        total = total + i * i
        i = i + 1
    print(total)


def main():
    print("== toy compiler, toy VM")
    program = compile_program(TOY_SOURCE)
    show(program)
    Interpreter().run_code(program)
    print()
    print("== real compiler, real VM")
    dis.dis(sum_of_squares)
    sum_of_squares()
    print()
    print("== 7 + 5 in both")
    show(compile_program("print 7 + 5"))
    dis.dis(compile("print(7 + 5)", "<seed>", "exec"))
    code = compile("a + b", "<expr>", "eval")
    print("instructions of 'a + b':", [i.opname for i in dis.get_instructions(code)])
    print("its names:", code.co_names, "its stack size:", code.co_stacksize)


if __name__ == "__main__":
    main()
