# Async generator protocol driven by hand: __anext__/asend/athrow/aclose.
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        r = yield ("suspend", self.v)
        return r

def run(coro):
    val = None
    while True:
        try:
            x = coro.send(val)
            print("driver got", x)
            val = "resumed"
        except StopIteration as e:
            return e.value

async def agen():
    try:
        for i in range(3):
            got = yield i
            print("got", got)
            r = await Ready(i)
            print("await ->", r)
    finally:
        print("agen finally")

async def main():
    g = agen()
    print(await g.__anext__())
    print(await g.asend("sent"))
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow raised", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stop")
    g2 = agen()
    print(await g2.__anext__())
    print(await g2.aclose())
    print(await g2.aclose())
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    g3 = stubborn()
    await g3.__anext__()
    try:
        await g3.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    async def letters():
        yield "a"
        yield "b"
    print([x async for x in letters()])
    async for x in letters():
        print("for", x)
    async def catcher():
        while True:
            try:
                yield "waiting"
            except KeyError as e:
                yield f"caught {e}"
    g4 = catcher()
    print(await g4.__anext__(), await g4.athrow(KeyError("k")), await g4.__anext__())
    await g4.aclose()
    async def early():
        return
        yield
    try:
        await early().__anext__()
    except StopAsyncIteration as e:
        print("empty", type(e).__name__)
    return "done"

print(run(main()))

async def plain():
    yield 1
x = plain()
print(type(x.__anext__()).__name__, type(x.asend(None)).__name__, type(x.aclose()).__name__)
print(x.__aiter__() is x, x.ag_await, x.ag_running)
aw = x.__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    x.asend(1).send(None)
except StopAsyncIteration:
    print("exhausted")
