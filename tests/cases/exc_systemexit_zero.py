print("raise SystemExit(0) directly")
raise SystemExit(0)
