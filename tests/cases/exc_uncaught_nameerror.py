def f():
    return undefined_variable_here * 2
print("calling f")
f()
