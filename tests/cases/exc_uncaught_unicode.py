print("héllo wörld")
raise ValueError("ünïcödé message ☃")
