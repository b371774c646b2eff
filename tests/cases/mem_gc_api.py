import gc
print(gc.get_threshold(), gc.isenabled())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
gc.disable(); print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
c = gc.get_count()
print(type(c).__name__, len(c))
print(gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
class C: pass
print("atoms:", gc.is_tracked(0), gc.is_tracked(10 ** 30), gc.is_tracked("s"), gc.is_tracked(1.5), gc.is_tracked(None), gc.is_tracked(True), gc.is_tracked(b"b"))
print("containers:", gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(lambda: 0), gc.is_tracked(object()))
print("dicts:", gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked({1: "x", 2: (3,)}) in (True, False))
d = {}
d["k"] = 1
print("dict after atomic insert:", gc.is_tracked(d))
d["l"] = []
print("dict after container insert:", gc.is_tracked(d))
t = tuple([1, 2, 3])
print("tuple of atoms before gc:", gc.is_tracked(t))
gc.collect()
print("tuple of atoms after gc:", gc.is_tracked(t))
t2 = tuple([[1]])
gc.collect()
print("tuple holding a list after gc:", gc.is_tracked(t2))
# gc.callbacks
events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)
gc.collect()
print(len(events))
def counting(phase, info):
    if phase == "stop":
        print("stop: collected", info["collected"], "uncollectable", info["uncollectable"])
gc.callbacks.append(counting)
x = []; x.append(x); del x
gc.collect()
gc.callbacks.clear()
# gc.garbage with DEBUG_SAVEALL
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = [1]; a.append(a); del a
b = C(); b.me = b; del b
print("collect with SAVEALL:", gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
print(gc.get_debug())
gc.garbage.clear()
print("collect after clearing garbage:", gc.collect())
# freeze
gc.collect()
print(gc.get_freeze_count() >= 0)
gc.freeze()
frozen = gc.get_freeze_count()
print(frozen > 0)
gc.unfreeze()
print(gc.get_freeze_count())
# referents / referrers
inner = [1, 2]
outer = [inner, "s"]
refs = gc.get_referents(outer)
print(len(refs), inner in refs, "s" in refs, any(r is outer for r in gc.get_referrers(inner)))
print(isinstance(gc.get_objects(), list), gc.get_stats()[0].keys() == {"collections", "collected", "uncollectable"})
