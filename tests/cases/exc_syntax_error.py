print("this file does not compile, so this line never runs")
def broken(:
    pass
