# Extensions discussed in the seed document: adding any number of values with
# the same three instructions, sharing constants (7 + 7 needs only [7]), and a
# getattr-based dispatch.
class Interpreter:
    def __init__(self):
        self.stack = []
        self.trace = []

    def LOAD_VALUE(self, number):
        self.stack.append(number)

    def PRINT_ANSWER(self):
        answer = self.stack.pop()
        print(answer)

    def ADD_TWO_VALUES(self):
        first_num = self.stack.pop()
        second_num = self.stack.pop()
        self.stack.append(first_num + second_num)

    def run_code(self, what_to_execute):
        numbers = what_to_execute["numbers"]
        for instruction, argument in what_to_execute["instructions"]:
            method = getattr(self, instruction)
            self.trace.append((instruction, list(self.stack)))
            if argument is None:
                method()
            else:
                method(numbers[argument])


three = {
    "instructions": [("LOAD_VALUE", 0), ("LOAD_VALUE", 1), ("ADD_TWO_VALUES", None),
                     ("LOAD_VALUE", 2), ("ADD_TWO_VALUES", None), ("PRINT_ANSWER", None)],
    "numbers": [7, 5, 8],
}
same = {
    "instructions": [("LOAD_VALUE", 0), ("LOAD_VALUE", 0), ("ADD_TWO_VALUES", None), ("PRINT_ANSWER", None)],
    "numbers": [7],
}
strings = {
    "instructions": [("LOAD_VALUE", 0), ("LOAD_VALUE", 1), ("ADD_TWO_VALUES", None), ("PRINT_ANSWER", None)],
    "numbers": ["world", "hello "],
}


def many(n):
    instrs = [("LOAD_VALUE", 0)]
    for i in range(1, n):
        instrs += [("LOAD_VALUE", i), ("ADD_TWO_VALUES", None)]
    instrs.append(("PRINT_ANSWER", None))
    return {"instructions": instrs, "numbers": list(range(1, n + 1))}


for program in [three, same, strings, many(100)]:
    vm = Interpreter()
    vm.run_code(program)
    print(len(vm.trace), vm.trace[:3], vm.stack)

try:
    Interpreter().run_code({"instructions": [("ADD_TWO_VALUES", None)], "numbers": []})
except IndexError as e:
    print(type(e).__name__, e)
try:
    Interpreter().run_code({"instructions": [("MULTIPLY", None)], "numbers": []})
except AttributeError as e:
    print(type(e).__name__, e)
