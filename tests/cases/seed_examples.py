# The teaching examples in examples/ (the seed's toy interpreter grown up,
# its compiler, the comparison with the real bytecode) print the same under
# pyrite as under python3.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "examples"))

import seed_7_plus_5
import toy_vm
import toy_compiler
import compare_with_cpython

for module in (seed_7_plus_5, toy_vm, toy_compiler, compare_with_cpython):
    print("=====", module.__name__)
    module.main()
