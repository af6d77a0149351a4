# async def, await, async for, async with, async generators.
import asyncio


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def agen():
    for i in range(2):
        yield i
        await asyncio.sleep(0)


async def main():
    async with Ticker(3) as t:
        async for i in t:
            print("tick", i)
    print([x async for x in agen()])


asyncio.run(main())
