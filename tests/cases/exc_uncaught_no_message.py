print("raising bare class")
raise NotImplementedError
