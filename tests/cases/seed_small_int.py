# The seed document's small-integer cache example ([-5, 257) are cached).
# Big values are built at runtime with int() so constant sharing does not matter.
a = 15
b = 15
print(a is b)
a = int("15")
b = int("15")
print(a is b)
a = int("257")
b = int("257")
print(a is b, a == b)
a = int("-5"); b = int("-5")
print(a is b)
a = int("256"); b = int("256")
print(a is b)
a = int("-6"); b = int("-6")
print(a is b, a == b)
x = 10 ** 20
y = int(str(x))
print(x is y, x == y)
print(sum(1 for v in range(-5, 257) if int(str(v)) is v))
