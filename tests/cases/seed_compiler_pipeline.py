# Seed: "imagine a compiler that turns 7 + 5 into those instructions".
# A tiny tokenizer + compiler for sums feeding the seed's three-instruction VM.
class Interpreter:
    def __init__(self):
        self.stack = []
    def LOAD_VALUE(self, number):
        self.stack.append(number)
    def PRINT_ANSWER(self):
        print(self.stack.pop())
    def ADD_TWO_VALUES(self):
        first_num = self.stack.pop()
        second_num = self.stack.pop()
        self.stack.append(first_num + second_num)
    def run_code(self, what_to_execute):
        numbers = what_to_execute["numbers"]
        for instruction, argument in what_to_execute["instructions"]:
            if instruction == "LOAD_VALUE":
                self.LOAD_VALUE(numbers[argument])
            elif instruction == "ADD_TWO_VALUES":
                self.ADD_TWO_VALUES()
            elif instruction == "PRINT_ANSWER":
                self.PRINT_ANSWER()
def compile_sum(source):
    tokens = [t.strip() for t in source.split("+")]
    numbers = []
    instructions = []
    for k, tok in enumerate(tokens):
        value = int(tok)
        if value not in numbers:      # constants are stored once
            numbers.append(value)
        instructions.append(("LOAD_VALUE", numbers.index(value)))
        if k > 0:
            instructions.append(("ADD_TWO_VALUES", None))
    instructions.append(("PRINT_ANSWER", None))
    return {"instructions": instructions, "numbers": numbers}
for src in ["7 + 5", "7 + 7", "1 + 2 + 3 + 4", "100", "10 + -3 + 10"]:
    program = compile_sum(src)
    print(src, "->", program)
    Interpreter().run_code(program)
try:
    compile_sum("7 + x")
except ValueError as e:
    print(type(e).__name__, e)
