"""alloc_tree: an allocation-heavy benchmark for Pyrite.

Each iteration:
  1. builds a complete binary tree of 2**20 - 1 nodes as instances of a
     small class (ordinary attributes in the instance __dict__, no
     __slots__), walks it for a checksum, and drops it;
  2. does the same with a tree of nested tuples (node = (left, right, value));
  3. creates many short-lived reference cycles (pairs of objects pointing
     at each other, self-referencing lists and dicts) that only the cycle
     collector can free.

Runnable directly:  python3 benches/alloc_tree.py [iterations]
It prints a checksum line (identical on every conforming interpreter) and
a "PYRITE_BENCH alloc_tree <seconds>" line for benches/run.py.  The number
of iterations comes from argv[1], else $PYRITE_BENCH_LOOPS, else 1.
"""

import os
import sys
import time

DEPTH = 20          # nodes per tree: 2**DEPTH - 1
CYCLES = 200_000    # short-lived cycles per iteration


class Node:
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value


def make_objects(depth, value):
    if depth == 1:
        return Node(None, None, value)
    return Node(make_objects(depth - 1, 2 * value),
                make_objects(depth - 1, 2 * value + 1),
                value)


def check_objects(node):
    total = 0
    count = 0
    stack = [node]
    pop = stack.pop
    push = stack.append
    while stack:
        n = pop()
        count += 1
        total = (total * 31 + n.value) & 0xFFFFFFFF
        if n.left is not None:
            push(n.left)
            push(n.right)
    return count, total


def make_tuples(depth, value):
    if depth == 1:
        return (None, None, value)
    return (make_tuples(depth - 1, 2 * value),
            make_tuples(depth - 1, 2 * value + 1),
            value)


def check_tuples(node):
    if node[0] is None:
        return 1, node[2]
    lc, lv = check_tuples(node[0])
    rc, rv = check_tuples(node[1])
    return lc + rc + 1, (lv * 7 + rv * 3 + node[2]) & 0xFFFFFFFF


class Pair:
    def __init__(self, i):
        self.i = i
        self.other = None


def make_cycles(n):
    total = 0
    for i in range(n):
        a = Pair(i)
        b = Pair(i + 1)
        a.other = b
        b.other = a
        lst = [i, a]
        lst.append(lst)
        d = {"k": i}
        d["self"] = d
        total += a.other.i + lst[0] + d["self"]["k"]
    return total & 0xFFFFFFFF


def one_iteration():
    tree = make_objects(DEPTH, 1)
    c1, s1 = check_objects(tree)
    del tree
    tree = make_tuples(DEPTH, 1)
    c2, s2 = check_tuples(tree)
    del tree
    s3 = make_cycles(CYCLES)
    return c1 + c2, (s1 ^ s2 ^ s3) & 0xFFFFFFFF


def main():
    if len(sys.argv) > 1:
        iterations = int(sys.argv[1])
    else:
        iterations = int(os.environ.get("PYRITE_BENCH_LOOPS") or 1)
    t0 = time.perf_counter()
    checksum = 0
    nodes = 0
    for _ in range(iterations):
        count, value = one_iteration()
        nodes += count
        checksum = (checksum * 1000003 + value) & 0xFFFFFFFF
    dt = time.perf_counter() - t0
    print("alloc_tree iterations=%d nodes=%d checksum=%d"
          % (iterations, nodes, checksum))
    print("PYRITE_BENCH alloc_tree %r" % dt)


if __name__ == "__main__":
    main()
