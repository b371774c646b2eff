# importlib on Pyrite's import system: specs, loaders, cache paths, source
# hashes, pyc headers (the cache tag differs by design and is blanked).
import sys
import importlib
import importlib.util
import importlib.machinery
import importlib._bootstrap_external as be
import marshal
import _imp

TAG = sys.implementation.cache_tag


def show(path):
    if path is None:
        return None
    parts = path.replace(TAG, 'TAG').split('/')
    return parts[-1], '__pycache__' in parts


print(importlib.util.MAGIC_NUMBER, be._RAW_MAGIC_NUMBER)
print(show(importlib.util.cache_from_source('/a/b/mod.py')))
print(importlib.util.source_from_cache('/a/b/__pycache__/mod.%s.pyc' % TAG))
print(importlib.util.source_hash(b'print(1)\n'), _imp.source_hash(be._RAW_MAGIC_NUMBER, b''))
print(_imp.is_builtin('sys'), _imp.is_builtin('marshal'), _imp.is_builtin('nope'),
      _imp.is_frozen('nope'), _imp.check_hash_based_pycs)

spec = importlib.util.find_spec('xml')
print(spec.name, spec.parent, show(spec.origin), show(spec.cached), spec.has_location,
      [p.rsplit('/', 1)[-1] for p in spec.submodule_search_locations])
print(importlib.util.find_spec('helpermod_spec_missing'))
print('xml' in sys.modules, 'helpermod_spec' in sys.modules)

m = importlib.import_module('helpermod_spec')
print(m.VALUE, m.double(4), m.__name__, repr(m.__package__), m.__spec__.name, repr(m.__spec__.parent))
print(show(m.__file__), show(m.__cached__), m.__loader__ is m.__spec__.loader)
print(importlib.util.find_spec('helpermod_spec').name)
sub = importlib.import_module('xml.etree')
pkg = sys.modules['xml']
print(sub.__name__, sub.__package__, pkg.etree is sub, pkg.__spec__.submodule_search_locations is not None)
print(importlib.import_module('.etree', 'xml') is sub, show(sub.__file__))
try:
    importlib.import_module('xml.nope')
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
print(importlib.import_module('marshal').__spec__.origin)

# The pyc bytes importlib would write, from Pyrite's compiler and marshal.
code = compile('x = [1, 2.5, "s"]\ndef f(a):\n    return a\n', 'gen.py', 'exec')
data = be._code_to_timestamp_pyc(code, 1700000000, 42)
print(bytes(data))
print(be._classify_pyc(data, 'gen', {}))
be._validate_timestamp_pyc(data, 1700000000, 42, 'gen', {})
try:
    be._validate_timestamp_pyc(data, 1700000001, 42, 'gen', {})
except ImportError as e:
    print(type(e).__name__, e)
hdata = be._code_to_hash_pyc(code, importlib.util.source_hash(b'src'), True)
print(bytes(hdata[:16]), be._classify_pyc(hdata, 'gen', {}))
ns = {}
exec(marshal.loads(bytes(data)[16:]), ns)
print(ns['x'], ns['f'](7))
