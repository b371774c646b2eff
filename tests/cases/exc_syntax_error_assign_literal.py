print("never runs")
x = 1
1 = x
