# if / while / for with else, break / continue
for x in [0, 1, -1, 5, 100]:
    if x < 0:
        print(x, "neg")
    elif x == 0:
        print(x, "zero")
    elif x < 10:
        print(x, "small")
    else:
        print(x, "big")

for i in range(3):
    print("loop", i)
else:
    print("for-else ran")

for i in range(10):
    if i == 3:
        print("break at", i)
        break
else:
    print("not printed")

for i in []:
    print("never")
else:
    print("empty for-else")

n = 0
while n < 5:
    n += 1
    if n % 2 == 0:
        continue
    print("odd", n)
else:
    print("while-else", n)

n = 0
while True:
    n += 1
    if n > 3:
        break
print("after while", n)

while n > 100:
    pass
else:
    print("while-else immediate")

# nested loops with break/continue
res = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        res.append((i, j))
print(res)

# search with for-else
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            break
    else:
        return -1
    return idx
print(find([4, 5, 6], 6), find([4, 5, 6], 7))

# continue in try/finally
out = []
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    finally:
        out.append("f%d" % i)
print(out)

# loop variable leaks
for leak in range(3):
    pass
print(leak)
# pass statement, empty body
if True:
    pass
# truthiness in conditions
for v in [0, 0.0, '', [], {}, set(), None, 1, 'a', [0], -1]:
    print(repr(v), "truthy" if v else "falsy")
# range modifications inside loop do not affect iteration
r = 3
for i in range(r):
    r = 10
print(i)
# modifying list while iterating
lst = [1, 2, 3, 4]
for x in lst:
    if x == 2:
        lst.remove(x)
print(lst)
