"""Utilities for with-statement contexts.  See PEP 343.

gilpy's `contextlib`, following CPython 3.11's Lib/contextlib.py for the
synchronous part: contextmanager (also usable as a decorator), closing,
nullcontext, suppress, redirect_stdout, redirect_stderr, ExitStack,
ContextDecorator and AbstractContextManager (a plain base class, no ABC
machinery).  The asynchronous ones (asynccontextmanager, AsyncExitStack,
aclosing, AsyncContextDecorator, AbstractAsyncContextManager, nullcontext
with `async with`) and chdir are gilpy's own code.
"""

import sys
from functools import wraps

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


def _set_traceback(exc, tb):
    try:
        exc.__traceback__ = tb
    except (AttributeError, TypeError):
        pass


class AbstractContextManager(object):
    """An abstract base class for context managers."""

    def __enter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None


class AbstractAsyncContextManager(object):
    """A base class for asynchronous context managers: `async with`
    gives the object itself and lets exceptions through."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator(object):
    "A base class or mixin that enables context managers to work as decorators."

    def _recreate_cm(self):
        """Return a recreated instance of self.

        Allows an otherwise one-shot context manager like
        _GeneratorContextManager to support use as
        a decorator via implicit recreation.
        """
        return self

    def __call__(self, func):
        cm = self

        def inner(*args, **kwds):
            with cm._recreate_cm():
                return func(*args, **kwds)
        return wraps(func)(inner)


class _GeneratorContextManagerBase:
    """Shared functionality for @contextmanager."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # _GCM instances are one-shot context managers, so the
        # CM must be recreated each time a decorated function is
        # called
        return self.__class__(self.func, self.args, self.kwds)


class _GeneratorContextManager(
    _GeneratorContextManagerBase,
    AbstractContextManager,
    ContextDecorator,
):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        # do not keep args and kwds alive unnecessarily
        # they are only needed for recreation, which is not possible anymore
        del self.args
        del self.kwds
        del self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                try:
                    raise RuntimeError("generator didn't stop")
                finally:
                    self.gen.close()
        else:
            if value is None:
                # Need to force instantiation so we can reliably
                # tell if we get the same exception back
                value = typ()
            try:
                self.gen.throw(value)
            except StopIteration as exc:
                # Suppress StopIteration *unless* it's the same exception that
                # was passed to throw().  This prevents a StopIteration
                # raised inside the "with" statement from being suppressed.
                return exc is not value
            except RuntimeError as exc:
                # Don't re-raise the passed in exception. (issue27122)
                if exc is value:
                    _set_traceback(exc, traceback)
                    return False
                # Avoid suppressing if a StopIteration exception
                # was passed to throw() and later wrapped into a RuntimeError
                # (see PEP 479 for sync generators).
                if (
                    isinstance(value, StopIteration)
                    and getattr(exc, '__cause__', None) is value
                ):
                    _set_traceback(value, traceback)
                    return False
                raise
            except BaseException as exc:
                # only re-raise if it's *not* the exception that was
                # passed to throw(), because __exit__() must not raise
                # an exception unless __exit__() itself failed.  But throw()
                # has to raise the exception to signal propagation, so this
                # fixes the impedance mismatch between the throw() protocol
                # and the __exit__() protocol.
                if exc is not value:
                    raise
                _set_traceback(exc, traceback)
                return False
            try:
                raise RuntimeError("generator didn't stop after throw()")
            finally:
                self.gen.close()


class AsyncContextDecorator(object):
    """Mixin letting an asynchronous context manager decorate a coroutine
    function: each call of the function runs inside `async with`."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        cm = self

        @wraps(func)
        async def inner(*args, **kwds):
            async with cm._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _AsyncGeneratorContextManager(
    _GeneratorContextManagerBase,
    AbstractAsyncContextManager,
    AsyncContextDecorator,
):
    """What an @asynccontextmanager function returns: an asynchronous
    context manager driving the async generator."""

    async def __aenter__(self):
        # The call's arguments are needed only to make a fresh one.
        del self.args, self.kwds, self.func
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        gen = self.gen
        if typ is None:
            # The block ended normally: the generator must end too.
            try:
                await gen.__anext__()
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                await gen.aclose()
        if value is None:
            value = typ()
        try:
            await gen.athrow(value)
        except StopAsyncIteration as exc:
            # The generator caught the error and returned: suppressed,
            # unless the error was a StopAsyncIteration of the block.
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                _set_traceback(exc, traceback)
                return False
            # A StopIteration/StopAsyncIteration of the block, turned into
            # RuntimeError when it left the generator: not an error of ours.
            if (isinstance(value, (StopIteration, StopAsyncIteration))
                    and getattr(exc, '__cause__', None) is value):
                _set_traceback(value, traceback)
                return False
            raise
        except BaseException as exc:
            # The same error coming back out is propagated by returning
            # False; a new one replaces it.
            if exc is not value:
                raise
            _set_traceback(exc, traceback)
            return False
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await gen.aclose()


def asynccontextmanager(func):
    """Decorator turning an async generator function that yields once into
    a factory of asynchronous context managers:

        @asynccontextmanager
        async def connection(addr):
            conn = await connect(addr)
            try:
                yield conn
            finally:
                await conn.close()

        async with connection(addr) as conn:
            ...
    """
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


def contextmanager(func):
    """@contextmanager decorator.

    Typical usage:

        @contextmanager
        def some_generator(<arguments>):
            <setup>
            try:
                yield <value>
            finally:
                <cleanup>

    This makes this:

        with some_generator(<arguments>) as <variable>:
            <body>

    equivalent to this:

        <setup>
        try:
            <variable> = <value>
            <body>
        finally:
            <cleanup>
    """
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return wraps(func)(helper)


class closing(AbstractContextManager):
    """Context to automatically close something at the end of a block.

    Code like this:

        with closing(<module>.open(<arguments>)) as f:
            <block>

    is equivalent to this:

        f = <module>.open(<arguments>)
        try:
            <block>
        finally:
            f.close()

    """
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """`async with aclosing(agen) as g:` awaits agen.aclose() when the
    block ends, however it ends."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # We use a list of old targets to make this CM re-entrant
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Context manager to suppress specified exceptions

    After the exception is suppressed, execution proceeds with the next
    statement following the with statement.

         with suppress(FileNotFoundError):
             os.remove(somefile)
    """

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        # Unlike isinstance and issubclass, CPython exception handling
        # currently only looks at the concrete type hierarchy (ignoring
        # the instance and subclass checking hooks).
        return exctype is not None and issubclass(exctype, self._exceptions)


def _make_exit_wrapper(cm, cm_exit):
    def _exit_wrapper(exc_type, exc, tb):
        return cm_exit(cm, exc_type, exc, tb)
    return _exit_wrapper


def _make_cb_wrapper(callback, args, kwds):
    def _exit_wrapper(exc_type, exc, tb):
        callback(*args, **kwds)
    return _exit_wrapper


def _get_context(exc):
    return getattr(exc, '__context__', None)


def _set_context(exc, context):
    try:
        exc.__context__ = context
    except (AttributeError, TypeError):
        pass


class ExitStack(AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks.

    For example:
        with ExitStack() as stack:
            files = [stack.enter_context(open(fname)) for fname in filenames]
            # All opened files will automatically be closed at the end of
            # the with statement, even if attempts to open files later
            # in the list raise an exception.
    """

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Preserve the context stack by transferring it to a new instance."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Registers a callback with the standard __exit__ method signature.

        Can suppress exceptions the same way __exit__ method can.
        Also accepts any object with an __exit__ method (registering a call
        to the method instead of the object itself).
        """
        # We use an unbound method rather than a bound method to follow
        # the standard lookup behaviour for special methods.
        _cb_type = type(exit)

        try:
            exit_method = _cb_type.__exit__
        except AttributeError:
            # Not a context manager, so assume it's a callable.
            self._push_cb(exit)
        else:
            self._push_cb(_make_exit_wrapper(exit, exit_method))
        return exit  # Allow use as a decorator.

    def enter_context(self, cm):
        """Enters the supplied context manager.

        If successful, also pushes its __exit__ method as a callback and
        returns the result of the __enter__ method.
        """
        # We look up the special methods on the type to match the with
        # statement.
        cls = type(cm)
        try:
            _enter = cls.__enter__
            _exit = cls.__exit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the context "
                            "manager protocol" % (cls.__module__, cls.__qualname__)) from None
        result = _enter(cm)
        self._push_cb(_make_exit_wrapper(cm, _exit))
        return result

    def callback(self, callback, *args, **kwds):
        """Registers an arbitrary callback and arguments.

        Cannot suppress exceptions.
        """
        _exit_wrapper = _make_cb_wrapper(callback, args, kwds)
        # We changed the signature, so using @wraps is not appropriate, but
        # setting __wrapped__ may still help with introspection.
        _exit_wrapper.__wrapped__ = callback
        self._push_cb(_exit_wrapper)
        return callback  # Allow use as a decorator

    def _push_cb(self, cb, is_sync=True):
        # Where a callback goes: the list of callbacks, here all synchronous
        # (AsyncExitStack keeps which kind each is).
        self._exit_callbacks.append(cb)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None

        # We manipulate the exception state so it behaves as though
        # we were actually nesting multiple with statements
        frame_exc = sys.exc_info()[1]

        def _fix_exception_context(new_exc, old_exc):
            # Context may not be correct, so find the end of the chain
            while 1:
                exc_context = _get_context(new_exc)
                if exc_context is None or exc_context is old_exc:
                    # Context is already set correctly (see issue 20317)
                    return
                if exc_context is frame_exc:
                    break
                new_exc = exc_context
            # Change the end of the chain to point to the exception
            # we expect it to reference
            _set_context(new_exc, old_exc)

        # Callbacks are invoked in LIFO order to match the behaviour of
        # nested context managers
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException:
                new_exc_details = sys.exc_info()
                # simulate the stack of exceptions by setting the context
                _fix_exception_context(new_exc_details[1], exc_details[1])
                pending_raise = True
                exc_details = new_exc_details
        if pending_raise:
            fixed_ctx = _get_context(exc_details[1])
            try:
                # bare "raise exc_details[1]" replaces our carefully
                # set-up context
                raise exc_details[1]
            except BaseException:
                _set_context(exc_details[1], fixed_ctx)
                raise
        return received_exc and suppressed_exc

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)


class nullcontext(AbstractContextManager):
    """Context manager that does no additional processing.
    Used as a stand-in for a normal context manager, when a particular
    block of code is only sometimes used with a normal context manager:

    cm = optional_cm if condition else nullcontext()
    with cm:
        # Perform operation, using optional_cm if condition is True
    """

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Change the current working directory for the block, and change it
    back afterwards (not thread-safe, as os.chdir itself). Reentrant."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os

        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os

        os.chdir(self._old_cwd.pop())


def _async_cb_wrapper(callback, args, kwds):
    async def _exit_wrapper(exc_type, exc, tb):
        await callback(*args, **kwds)
    return _exit_wrapper


class AsyncExitStack(AbstractAsyncContextManager):
    """ExitStack for `async with`: it can also hold asynchronous context
    managers and coroutine callbacks, all unwound, last pushed first, by
    `await stack.aclose()` or at the end of the `async with` block.

        async with AsyncExitStack() as stack:
            conns = [await stack.enter_async_context(connect(a))
                     for a in addrs]
    """

    # __init__, pop_all, push, enter_context and callback are ExitStack's;
    # callbacks are kept as (is_sync, callback) pairs.
    __init__ = ExitStack.__init__
    pop_all = ExitStack.pop_all
    push = ExitStack.push
    enter_context = ExitStack.enter_context
    callback = ExitStack.callback

    def _push_cb(self, cb, is_sync=True):
        self._exit_callbacks.append((is_sync, cb))

    async def enter_async_context(self, cm):
        """Enter an asynchronous context manager, pushing its __aexit__."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the asynchronous "
                            "context manager protocol"
                            % (cls.__module__, cls.__qualname__)) from None
        result = await enter(cm)
        self._push_cb(_make_exit_wrapper(cm, exit), False)
        return result

    def push_async_exit(self, exit):
        """Add an __aexit__-like coroutine function, or the __aexit__ of an
        object."""
        method = getattr(type(exit), '__aexit__', None)
        if method is None:
            self._push_cb(exit, False)
        else:
            self._push_cb(_make_exit_wrapper(exit, method), False)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Add a coroutine function, awaited with the given arguments."""
        wrapper = _async_cb_wrapper(callback, args, kwds)
        wrapper.__wrapped__ = callback
        self._push_cb(wrapper, False)
        return callback

    async def aclose(self):
        """Unwind the stack now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        had_exc = exc_details[0] is not None
        # The exception being handled around the stack: a callback's new
        # exception chains to the pending one, not to this.
        outer_exc = sys.exc_info()[1]
        details = exc_details
        suppressed = False
        raising = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    result = cb(*details)
                else:
                    result = await cb(*details)
            except BaseException as new_exc:
                _chain_to(new_exc, details[1], outer_exc)
                details = (type(new_exc), new_exc, new_exc.__traceback__)
                raising = True
            else:
                if result:
                    details = (None, None, None)
                    suppressed = True
                    raising = False
        if raising:
            # Raise the last error with the chain built above (a bare
            # raise would set its __context__ again).
            pending = details[1]
            context = _get_context(pending)
            try:
                raise pending
            except BaseException:
                _set_context(pending, context)
                raise
        return had_exc and suppressed


def _chain_to(new_exc, old_exc, outer_exc):
    # Make new_exc's chain of __context__ end at old_exc (the error the
    # callback was handling), as with nested `with` statements, instead of
    # at outer_exc.
    if new_exc is old_exc:
        return
    exc = new_exc
    while True:
        context = _get_context(exc)
        if context is None or context is old_exc:
            return
        if context is outer_exc:
            break
        exc = context
    _set_context(exc, old_exc)
