"""The awaitable that `anext(iterator, default)` returns: the iterator's
next item, or `default` once it is exhausted."""


async def anext_default(iterator, default):
    try:
        return await type(iterator).__anext__(iterator)
    except StopAsyncIteration:
        return default
