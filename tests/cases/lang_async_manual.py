# async/await driven by hand (no asyncio): coroutine protocol, __await__, async with/for.
import types
class Ready:
    def __init__(self, value): self.value = value
    def __await__(self):
        print("awaiting", self.value)
        received = yield ("suspend", self.value)
        return (self.value, received)
async def child(n):
    r = await Ready(n)
    return r
async def parent():
    a = await child(1)
    b = await child(2)
    return [a, b]
def run(coro):
    sent = None
    step = 0
    while True:
        try:
            yielded = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("driver got", yielded)
        step += 1
        sent = f"reply{step}"
print(run(parent()))
c = parent()
print(type(c).__name__, c.cr_running, c.__name__, c.__qualname__)
c.close()
async def raiser():
    await Ready("x")
    raise ValueError("inside coroutine")
co = raiser()
co.send(None)
try:
    co.send("go")
except ValueError as e:
    print(type(e).__name__, e)
co2 = raiser()
co2.send(None)
try:
    co2.throw(KeyError("thrown in"))
except KeyError as e:
    print("throw propagated", repr(e))
class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        await Ready("enter")
        return "cm-value"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
class AsyncIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10
async def uses_protocols():
    async with AsyncCM() as v:
        print("in async with", v)
        raise RuntimeError("suppressed by __aexit__")
    out = []
    async for x in AsyncIter(3):
        out.append(x)
    out2 = [x async for x in AsyncIter(2)]
    return out, out2
print(run(uses_protocols()))
async def agen():
    for i in range(3):
        yield i
        await Ready(f"agen{i}")
async def consume():
    return [v async for v in agen()]
print(run(consume()))
@types.coroutine
def legacy():
    x = yield "legacy-yield"
    return x
async def uses_legacy():
    return await legacy()
print(run(uses_legacy()))
async def simple():
    return 42
try:
    simple().send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
try:
    async def bad_await():
        await 5
    bad_await().send(None)
except TypeError as e:
    print(type(e).__name__, e)
