"""A tiny compiler from a little language to the instructions of toy_vm.py.

The language (one statement per line, blocks end with `end`):

    total = 0
    i = 1
    while i <= 4
        total = total + i * i
        i = i + 1
    end
    if total > 20
        print total
    end

Expressions have integers, names, parentheses, + - * // % and the
comparisons < <= == != > >=, with Python's precedence. The compiler works
in CPython's three steps, each small enough to read in one sitting:

  tokenize  text -> tokens                 (CPython: Parser/tokenizer.c)
  parse     tokens -> a tree of tuples      (CPython: the PEG parser, ast)
  compile   tree -> instructions, numbers and names, with jump targets
            patched in once known           (CPython: Python/compile.c)

    pyrite examples/toy_compiler.py
"""

import re

from toy_vm import Interpreter

TOKEN = re.compile(r"\s*(?:(\d+)|([A-Za-z_]\w*)|(//|<=|>=|==|!=|[-+*%()<>=]))")

COMPARISONS = ("<", "<=", "==", "!=", ">", ">=")


class CompileError(Exception):
    pass


def tokenize(line):
    tokens, pos = [], 0
    line = line.rstrip()
    while pos < len(line):
        m = TOKEN.match(line, pos)
        if not m:
            raise CompileError(f"unexpected character {line[pos:].strip()[0]!r}")
        number, name, op = m.groups()
        if number is not None:
            tokens.append(("number", int(number)))
        elif name is not None:
            tokens.append(("name", name))
        else:
            tokens.append(("op", op))
        pos = m.end()
    return tokens


class ExpressionParser:
    """Recursive descent, one method per precedence level."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", None)

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def parse(self):
        tree = self.comparison()
        if self.peek()[0] != "end":
            raise CompileError(f"unexpected {self.peek()[1]!r}")
        return tree

    def comparison(self):
        left = self.sum()
        while self.peek() in [("op", c) for c in COMPARISONS]:
            op = self.take()[1]
            left = ("compare", op, left, self.sum())
        return left

    def sum(self):
        left = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            left = ("binary", op, left, self.term())
        return left

    def term(self):
        left = self.atom()
        while self.peek() in (("op", "*"), ("op", "//"), ("op", "%")):
            op = self.take()[1]
            left = ("binary", op, left, self.atom())
        return left

    def atom(self):
        kind, value = self.take()
        if kind == "number":
            return ("number", value)
        if kind == "name":
            return ("name", value)
        if (kind, value) == ("op", "("):
            inner = self.comparison()
            if self.take() != ("op", ")"):
                raise CompileError("missing )")
            return inner
        if kind == "end":
            raise CompileError("expected a value at the end of the line")
        raise CompileError(f"expected a value, got {value!r}")


def parse_program(text):
    """Statements as tuples: ("assign", name, expr), ("print", expr),
    ("while", expr, body), ("if", expr, body)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    body, rest = parse_block(lines, 0)
    if rest != len(lines):
        raise CompileError("'end' without a block")
    return body


def parse_block(lines, i):
    body = []
    while i < len(lines):
        tokens = tokenize(lines[i])
        first = tokens[0]
        if first == ("name", "end"):
            return body, i
        if first in (("name", "while"), ("name", "if")):
            condition = ExpressionParser(tokens[1:]).parse()
            inner, i = parse_block(lines, i + 1)
            if i >= len(lines):
                raise CompileError(f"{first[1]} without 'end'")
            body.append((first[1], condition, inner))
        elif first == ("name", "print"):
            body.append(("print", ExpressionParser(tokens[1:]).parse()))
        elif len(tokens) > 1 and first[0] == "name" and tokens[1] == ("op", "="):
            body.append(("assign", first[1], ExpressionParser(tokens[2:]).parse()))
        else:
            raise CompileError(f"cannot understand {lines[i].strip()!r}")
        i += 1
    return body, i


class Compiler:
    def __init__(self):
        self.instructions = []
        self.numbers = []
        self.names = []

    def index(self, table, value):
        # Like CPython's co_consts/co_names: each value is stored once.
        if value not in table:
            table.append(value)
        return table.index(value)

    def emit(self, opname, argument=None):
        self.instructions.append((opname, argument))
        return len(self.instructions) - 1

    def expression(self, tree):
        kind = tree[0]
        if kind == "number":
            self.emit("LOAD_VALUE", self.index(self.numbers, tree[1]))
        elif kind == "name":
            self.emit("LOAD_NAME", self.index(self.names, tree[1]))
        else:
            _, op, left, right = tree
            self.expression(left)
            self.expression(right)
            if kind == "binary":
                self.emit("ADD_TWO_VALUES" if op == "+" else "BINARY_OP", None if op == "+" else op)
            else:
                self.emit("COMPARE_OP", op)

    def statements(self, body):
        for statement in body:
            kind = statement[0]
            if kind == "assign":
                self.expression(statement[2])
                self.emit("STORE_NAME", self.index(self.names, statement[1]))
            elif kind == "print":
                self.expression(statement[1])
                self.emit("PRINT_ANSWER")
            elif kind == "if":
                self.expression(statement[1])
                jump = self.emit("POP_JUMP_IF_FALSE", None)
                self.statements(statement[2])
                self.patch(jump)
            elif kind == "while":
                top = len(self.instructions)
                self.expression(statement[1])
                jump = self.emit("POP_JUMP_IF_FALSE", None)
                self.statements(statement[2])
                self.emit("JUMP", top)
                self.patch(jump)

    def patch(self, at):
        """The jump at `at` goes to the next instruction to be emitted: its
        target was not known when it was emitted (CPython does this with
        basic blocks and a final assembly pass)."""
        opname, _ = self.instructions[at]
        self.instructions[at] = (opname, len(self.instructions))


def compile_program(text):
    compiler = Compiler()
    compiler.statements(parse_program(text))
    return {
        "instructions": compiler.instructions,
        "numbers": compiler.numbers,
        "names": compiler.names,
    }


def show(program):
    """A listing in the style of `dis`."""
    for i, (opname, argument) in enumerate(program["instructions"]):
        meaning = ""
        if opname == "LOAD_VALUE":
            meaning = f"({program['numbers'][argument]!r})"
        elif opname in ("LOAD_NAME", "STORE_NAME"):
            meaning = f"({program['names'][argument]})"
        elif opname.startswith(("JUMP", "POP_JUMP")):
            meaning = f"(to {argument})"
        shown = "" if argument is None else argument
        print(f"  {i:3} {opname:<18} {shown!s:>4} {meaning}".rstrip())


SOURCE = """
# sum of squares and a countdown
total = 0
i = 1
while i <= 4
    total = total + i * i
    i = i + 1
end
print total
n = 3
while n > 0
    if n % 2 == 1
        print n * 100 // 3
    end
    n = n - 1
end
print (total - 10) * 2 + 1
"""


def main():
    program = compile_program(SOURCE)
    print("listing:")
    show(program)
    print("numbers:", program["numbers"], "names:", program["names"])
    print("output:")
    vm = Interpreter()
    vm.run_code(program)
    print("steps:", vm.steps)
    print("7 + 5:")
    Interpreter().run_code(compile_program("print 7 + 5"))
    for bad in ["print 1 +", "x = (1", "while 1", "end", "print 2 $ 3"]:
        try:
            compile_program(bad)
        except CompileError as e:
            print(f"{bad!r}: CompileError: {e}")


if __name__ == "__main__":
    main()
