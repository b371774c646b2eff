import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def inf(n):
    return inf(n + 1)
try:
    inf(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(isinstance(RecursionError(), RuntimeError))
# recovers: can recurse again after catching
print(depth(800))
# mutual recursion
def is_even(n): return True if n == 0 else is_odd(n - 1)
def is_odd(n): return False if n == 0 else is_even(n - 1)
print(is_even(500), is_odd(501), is_odd(10))
# recursion through __repr__ of self-containing list
l = [1]
l.append(l)
print(l, repr(l))
d = {"a": 1}
d["self"] = d
print(d)
# recursion in methods
class Node:
    def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def length(self): return 1 + (self.nxt.length() if self.nxt else 0)
head = None
for i in range(500):
    head = Node(i, head)
print(head.length())
# recursion error caught at some level and counted
count = 0
def counting():
    global count
    count += 1
    counting()
try:
    counting()
except RecursionError:
    print("count in expected range:", 900 < count <= 1000)
# setrecursionlimit lower
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError:
    print("limit 200 enforced")
sys.setrecursionlimit(old)
print(depth(900), sys.getrecursionlimit())
# hanoi
moves = []
def hanoi(n, a, b, c):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append((a, c))
        hanoi(n - 1, b, a, c)
hanoi(10, "A", "B", "C")
print(len(moves), moves[:3])
# ackermann small
def ack(m, n):
    if m == 0: return n + 1
    if n == 0: return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3))
