# Uncaught exception raised several frames deep.
def level3(d):
    return d["missing"]

def level2(d):
    print("in level2")
    return level3(d) + 1

def level1():
    print("in level1")
    return level2({"present": 1})

print("start")
level1()
print("unreachable")
