# None in sys.modules blocks an import (built-in, submodule), as importlib does;
# sys attributes sysconfig needs.
import os
import sys
sys.modules['_json'] = None
try:
    import _json
except ImportError as e:
    print(type(e).__name__, e, e.name)
del sys.modules['_json']
import _json
print(_json.__name__)
saved = sys.modules['os.path']
sys.modules['os.path'] = None
try:
    import os.path
except ImportError as e:
    print(type(e).__name__, e)
sys.modules['os.path'] = saved
print(sys.base_exec_prefix == sys.exec_prefix, repr(sys.abiflags), sys.base_prefix == sys.prefix)
import sysconfig
print(sysconfig.get_python_version(), sysconfig.get_config_var('py_version_short'))
