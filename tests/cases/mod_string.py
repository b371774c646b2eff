import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, string.punctuation)
print(repr(string.whitespace), len(string.printable))
t = string.Template("Hello $name, you owe $$${amount}!")
print(t.substitute(name="Bob", amount=5), t.substitute({"name": "Al", "amount": 1}))
print(t.safe_substitute(name="X"))
try:
    t.substitute(name="only")
except KeyError as e:
    print(type(e).__name__, e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print(type(e).__name__, e)
print(string.capwords("hello   world  foo"), string.capwords("a-b c-d", "-"))
f = string.Formatter()
print(f.format("{0} and {x}", 1, x=2), list(f.parse("a{b}c{d!r:>3}")))
print(t.template, string.Template("$a$b").substitute(a=1, b=2), t.get_identifiers() if hasattr(t, "get_identifiers") else "")
