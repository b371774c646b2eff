import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "nested": {"ok": True, "none": None}, "pi": 3.14, "big": 10 ** 20}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, type(json.loads(s)["tags"]).__name__)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, "two", None, True, False, 1.5, -0.0, 1e100]), json.dumps("é\n\"q\""), json.dumps("é", ensure_ascii=False))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps({"a": [1, {"b": 2}]}, indent=0), json.dumps((1, 2)), json.dumps({}), json.dumps([]))
print(json.dumps([float("inf"), float("nan"), -float("inf")]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print(type(e).__name__, e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(type(e).__name__, e)
print(json.dumps({1, 2}, default=sorted), json.dumps(object(), default=lambda o: "custom"))
print(json.loads('{"a": [1, 2.5, "x", null, true, false], "b": {}}'), json.loads("123"), json.loads('"\\u00e9\\n"'), json.loads(" [ ] "))
print(json.loads("1e2"), json.loads("-0"), json.loads("-0.0"), json.loads("NaN"), json.loads("Infinity"), json.loads('"\\ud83d\\ude00"') == "\U0001F600")
print(json.loads('{"a": 1, "a": 2}'), json.loads("[1, 2]", parse_int=str), json.loads("1.5", parse_float=lambda s: "F" + s))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())), json.loads('[["a", 1]]', object_pairs_hook=dict))
for bad in ["", "{", "[1,]", "{'a': 1}", "tru", '"unterminated', "[1] x", "01"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.pos, isinstance(e, ValueError))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({"z": 1 + 2j}, cls=Enc))
try:
    json.dumps(1j)
except TypeError as e:
    print(type(e).__name__, e)
import io
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf)
buf.seek(0)
print(buf.getvalue(), json.load(buf))
print(json.dumps("a\tb\u0001\u2028"), json.dumps(["x"], indent="--"))
