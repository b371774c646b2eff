"""The seed's toy interpreter grown up a little.

A program is a dict with three parts, like a real code object:
  "instructions": a list of (opname, argument) pairs      (co_code)
  "numbers":      the constants LOAD_VALUE refers to      (co_consts)
  "names":        the variable names the *_NAME ops use   (co_names)

Instructions (the argument is an index, a jump target or None):
  LOAD_VALUE i      push numbers[i]
  LOAD_NAME i       push the value of variable names[i]
  STORE_NAME i      pop a value into variable names[i]
  ADD_TWO_VALUES    pop b, pop a, push a + b   (the seed's name for BINARY_OP +)
  BINARY_OP op      pop b, pop a, push a <op> b for op in + - * // %
  COMPARE_OP op     pop b, pop a, push a <op> b for op in < <= == != > >=
  JUMP i            continue at instruction i
  POP_JUMP_IF_FALSE i   pop a value; if it is false continue at instruction i
  PRINT_ANSWER      pop a value and print it

Like CPython's evaluation loop, `run_code` fetches an instruction, looks up
the method with the same name and calls it ("dispatch"), with an
instruction pointer that jumps change. `trace=True` prints every
instruction with the stack, as `pyrite -X trace` does for the real VM.

    pyrite examples/toy_vm.py
"""

import operator

BINARY_OPS = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "//": operator.floordiv,
    "%": operator.mod,
}

COMPARE_OPS = {
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    ">=": operator.ge,
}


class Interpreter:
    def __init__(self, trace=False):
        self.stack = []
        self.environment = {}
        self.trace = trace
        self.next_instruction = 0
        self.steps = 0

    # -- the instructions ------------------------------------------------
    def LOAD_VALUE(self, number):
        self.stack.append(number)

    def LOAD_NAME(self, name):
        if name not in self.environment:
            raise NameError(f"name {name!r} is not defined")
        self.stack.append(self.environment[name])

    def STORE_NAME(self, name):
        self.environment[name] = self.stack.pop()

    def ADD_TWO_VALUES(self):
        self.BINARY_OP("+")

    def BINARY_OP(self, op):
        second = self.stack.pop()
        first = self.stack.pop()
        self.stack.append(BINARY_OPS[op](first, second))

    def COMPARE_OP(self, op):
        second = self.stack.pop()
        first = self.stack.pop()
        self.stack.append(COMPARE_OPS[op](first, second))

    def JUMP(self, target):
        self.next_instruction = target

    def POP_JUMP_IF_FALSE(self, target):
        if not self.stack.pop():
            self.next_instruction = target

    def PRINT_ANSWER(self):
        print(self.stack.pop())

    # -- the loop ----------------------------------------------------------
    def parse_argument(self, instruction, argument, what_to_execute):
        """Turn the raw argument into what the instruction needs, as
        CPython's LOAD_CONST turns an index into a constant."""
        if instruction == "LOAD_VALUE":
            return what_to_execute["numbers"][argument]
        if instruction in ("LOAD_NAME", "STORE_NAME"):
            return what_to_execute["names"][argument]
        return argument

    def run_code(self, what_to_execute):
        instructions = what_to_execute["instructions"]
        self.next_instruction = 0
        while self.next_instruction < len(instructions):
            here = self.next_instruction
            instruction, argument = instructions[here]
            self.next_instruction = here + 1
            argument = self.parse_argument(instruction, argument, what_to_execute)
            if self.trace:
                shown = "" if argument is None else repr(argument)
                print(f"  {here:3} {instruction:<18} {shown:<6} stack: {self.stack}")
            self.steps += 1
            method = getattr(self, instruction)
            if argument is None:
                method()
            else:
                method(argument)


def main():
    seven_plus_five = {
        "instructions": [("LOAD_VALUE", 0), ("LOAD_VALUE", 1),
                         ("ADD_TWO_VALUES", None), ("PRINT_ANSWER", None)],
        "numbers": [7, 5],
        "names": [],
    }
    print("7 + 5, traced:")
    Interpreter(trace=True).run_code(seven_plus_five)

    # total = 0; i = 1; while i <= 4: total = total + i * i; i = i + 1
    # print(total)
    sum_of_squares = {
        "instructions": [
            ("LOAD_VALUE", 0), ("STORE_NAME", 0),         # total = 0
            ("LOAD_VALUE", 1), ("STORE_NAME", 1),         # i = 1
            ("LOAD_NAME", 1), ("LOAD_VALUE", 2),          # 4: i <= 4 ?
            ("COMPARE_OP", "<="), ("POP_JUMP_IF_FALSE", 19),
            ("LOAD_NAME", 0), ("LOAD_NAME", 1), ("LOAD_NAME", 1),
            ("BINARY_OP", "*"), ("BINARY_OP", "+"), ("STORE_NAME", 0),
            ("LOAD_NAME", 1), ("LOAD_VALUE", 1), ("BINARY_OP", "+"),
            ("STORE_NAME", 1), ("JUMP", 4),
            ("LOAD_NAME", 0), ("PRINT_ANSWER", None),     # 19: print(total)
        ],
        "numbers": [0, 1, 4],
        "names": ["total", "i"],
    }
    vm = Interpreter()
    print("sum of squares 1..4:")
    vm.run_code(sum_of_squares)
    print("instructions executed:", vm.steps, "variables:", vm.environment)


if __name__ == "__main__":
    main()
