# The _json accelerator: decoder errors and positions, scanner/encoder
# objects, escapers, hooks, circular references, key handling.
import json, json.decoder, json.encoder, json.scanner, collections
bad = ['[1,', '[1', '[', '{"a":1,', '{"a":1', '{', '{"a"', '{"a":', '[1 2]', '{"a":1 "b"}',
       '{"a" 1}', '{,}', '"abc', '"a\\', '"a\\x"', '"\\u12"', '"\\u12g4"', '"a\x01"', '-', '-x',
       '1.', '1e', '1.5e+', '[-]', '{"a":1,}', '[1,]', '"\\ud83d\\u12"', ' ', '[1, 2] 3',
       '"é\x02"', '["é", 1,', '{"é": tru}', '"\\uD834\\uDD1E', 'nul', '[NaN, -Infinity, Inf]']
for s in bad:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), e.msg, e.pos, e.lineno, e.colno)
good = ['"\\ud83d\\ude00x"', '"\\u00e9\\/\\b\\f\\n\\r\\t\\"\\\\"', '[1.5e3, -2E-2, 0, -0, 12345678901234567890123]',
        '{"a": {"b": [true, false, null]}}', '\n\t [ ]\r\n', '"é€😀"', '["é", {"ü": "€"}]', '1E400', '-1e-400']
for s in good:
    print(repr(json.loads(s)))
print(json.loads('"\t"', strict=False), json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('[1.5, 2, NaN]', parse_float=str, parse_int=float, parse_constant=lambda c: c.lower()))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: ("D", sorted(d))))
print(json.loads('{"a": 1}', object_hook=dict, object_pairs_hook=tuple))
print(json.decoder.scanstring('"abc" x', 1), json.decoder.scanstring('"é\\n" x', 1), json.decoder.scanstring('"\t"', 1, False))
for args in [(b'x', 0), ('x', 5), ('"x', 1)]:
    try:
        json.decoder.scanstring(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
sc = json.scanner.make_scanner(json.JSONDecoder())
print(sc('[1, 2] x', 0), sc('ab "é" 5', 3), sc('é 1', 2), sc.strict, sc.parse_float, sc.parse_int)
for args in [('x', 0), ('x', 5), ('é x', 2)]:
    try:
        sc(*args)
    except StopIteration as e:
        print('StopIteration', e.value)
for args in [('x', -1), (b'x', 0)]:
    try:
        sc(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
E = json.encoder
print(E.c_encode_basestring_ascii('\x7f\xe9\U0001F600\x00"\\/\x1f\u2028'), E.c_encode_basestring('\x7f\xe9\U0001F600\x00"\\/\x1f'))
try:
    E.c_encode_basestring_ascii(1)
except TypeError as e:
    print(type(e).__name__, e)
enc = E.c_make_encoder(None, str, E.c_encode_basestring_ascii, None, ':', ',', False, False, True)
print(enc([1, {'a': 2}, 'é'], 0), enc.key_separator, enc.sort_keys, enc.indent)
for args in [(1, str, str, None, ':', ',', False, False, True), (None, str, str, None, 1, ',', False, False, True)]:
    try:
        E.c_make_encoder(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class F(float):
    def __repr__(self): return 'F!'
class I(int):
    def __repr__(self): return 'I!'
class D(dict):
    def items(self): return [('z', 1)]
class T(tuple): pass
print(json.dumps([F(1.5), I(3), True, T((1, 2))]), json.dumps({F(2.5): 1, I(4): 2, False: 3, None: 4}))
print(json.dumps(D(a=1)), json.dumps(D()), json.dumps(collections.OrderedDict(b=1, a=2), sort_keys=True))
print(json.dumps({(1,): 1, 'a': 2, (2,): 3, 'b': 4}, skipkeys=True), json.dumps({(1,): 1, 'a': 2}, skipkeys=True))
print(json.dumps({float('nan'): 1, 1.5: 2, float('inf'): 3, -float('inf'): 4}))
print(json.dumps([1, 'é', {'k': 'ü'}], ensure_ascii=False, separators=(';', '=')))
a = []
a.append(a)
d = {}
d['d'] = d
class O: pass
o = O()
for obj, kw in [({1: 2, 'a': 3}, dict(sort_keys=True)), (a, {}), (d, {}), ({float('nan'): 1}, dict(allow_nan=False)),
                ([float('-inf')], dict(allow_nan=False)), (o, dict(default=lambda x: [x])), ([object()], dict(default=lambda x: x)),
                ({(1, 2): 3}, {}), (object(), {}), (a, dict(check_circular=False))]:
    try:
        print(json.dumps(obj, **kw))
    except (TypeError, ValueError, RecursionError) as e:
        print(type(e).__name__, e)
print(json.dumps("x", default=1), json.dumps([[], {}, ()]), json.dumps({"a": [1, {"b": None}]}, indent=1, sort_keys=True))
big = {"k%d" % i: [i, i * 1.5, "s%d" % i, None, True, {"n": -i}] for i in range(300)}
assert json.loads(json.dumps(big)) == big and json.loads(json.dumps(big, ensure_ascii=False)) == big
print(len(json.dumps(big)), type(json.encoder.c_make_encoder).__name__, json.scanner.make_scanner.__name__)
# argument-count messages of the module functions
import _json
for a in [('x',), ('x',1,1,1), ('"x"', 1.5)]:
  try: _json.scanstring(*a)
  except Exception as e: print(type(e).__name__, e)
for a in [(), (1,2)]:
  try: _json.encode_basestring_ascii(*a)
  except Exception as e: print(type(e).__name__, e)
