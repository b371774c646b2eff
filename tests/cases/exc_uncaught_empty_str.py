class Quiet(Exception):
    def __str__(self):
        return ""
print("before")
raise Quiet("ignored by __str__")
