"""Thread module emulating a subset of Java's threading model.

gilpy's high-level threading module, written in plain Python on top of the
native `_thread` module (as CPython's Lib/threading.py is).  The structure
follows CPython 3.11's threading.py; only the language subset gilpy supports is
used (no weakref, collections, itertools, functools, os or traceback).
"""

import _thread
import sys as _sys
import time as _time_module


def _deprecated(old, advice):
    # The DeprecationWarning of an old camelCase alias, reported at the
    # caller of that alias (stack level 3 counted from here).
    import warnings
    warnings.warn('%s is deprecated, %s' % (old, advice),
                  DeprecationWarning, stacklevel=3)

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile',
           'get_native_id']

# Rebind the native API to private names, as CPython does.
_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
# gilpy: names this thread in the GIL statistics and timeline.
_set_thread_name = getattr(_thread, "_set_thread_name", None)
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
_CRLock = getattr(_thread, "RLock", None)
# The class of the native reentrant lock.
_CRLockType = type(_CRLock()) if _CRLock is not None else None
_time = _time_module.monotonic
_LockType = _thread.LockType
# gilpy's _thread carries a native core for Condition (see Condition).
_native_condition = hasattr(_thread, "_condition_wait")

# The full CPython-style report of an exception ("Traceback (most recent call
# last): ...").  gilpy's _thread provides it natively.
_format_exception = getattr(_thread, "_format_exception", None)
if _format_exception is None:
    def _format_exception(exc):
        try:
            import traceback
        except ImportError:
            traceback = None
        if traceback is not None:
            return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        # Minimal report: walk the traceback chain if the object has one.
        lines = ["Traceback (most recent call last):\n"]
        tb = getattr(exc, "__traceback__", None)
        while tb is not None:
            code = tb.tb_frame.f_code
            lines.append('  File "%s", line %d, in %s\n'
                         % (code.co_filename, tb.tb_lineno, code.co_name))
            tb = tb.tb_next
        text = str(exc)
        if text:
            lines.append("%s: %s\n" % (type(exc).__name__, text))
        else:
            lines.append("%s\n" % type(exc).__name__)
        return "".join(lines)

# Hooks installed in every thread started by this module.
_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for all threads started from the threading module."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """Get the profiler function as set by threading.setprofile()."""
    return _profile_hook


def settrace(func):
    """Set a trace function for all threads started from the threading module."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """Get the trace function as set by threading.settrace()."""
    return _trace_hook


# Synchronization classes

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """Factory function that returns a new reentrant lock.

    A reentrant lock must be released by the thread that acquired it. Once a
    thread has acquired a reentrant lock, the same thread may acquire it again
    without blocking; the thread must release it once for each time it has
    acquired it.
    """
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """A reentrant lock in Python, used only when _thread has no RLock."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__,
            self.__class__.__name__,
            owner,
            self._count)

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count - 1
        self._count = count
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Internal methods used by condition variables

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()


_PyRLock = _RLock


class Condition:
    """Class that implements a condition variable.

    A condition variable allows one or more threads to wait until they are
    notified by another thread.

    If the lock argument is given and not None, it must be a Lock or RLock
    object, and it is used as the underlying lock. Otherwise, a new RLock object
    is created and used as the underlying lock.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        # Export the lock's acquire() and release() methods
        self.acquire = lock.acquire
        self.release = lock.release
        # If the lock defines _release_save() and/or _acquire_restore(),
        # these override the default implementations (which just call
        # release() and acquire() on the lock).  Ditto for _is_owned().
        if hasattr(lock, "_release_save") and hasattr(lock, "_acquire_restore"):
            self._release_save = lock._release_save
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, "_is_owned"):
            self._is_owned = lock._is_owned
        self._waiters = []
        # gilpy: wait/notify run natively (same waiter list, same errors)
        # over _thread's own locks when the ownership hooks are the standard
        # ones; any other lock or override takes the Python methods below.
        cls = type(self)
        self._native = _native_condition and (
            type(lock) is _CRLockType or
            (type(lock) is _LockType
             and cls._is_owned is Condition._is_owned
             and cls._release_save is Condition._release_save
             and cls._acquire_restore is Condition._acquire_restore))

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()           # No state to save

    def _acquire_restore(self, x):
        self._lock.acquire()           # Ignore saved state

    def _is_owned(self):
        # Return True if lock is owned by current_thread.
        # This method is called only if _lock doesn't have _is_owned().
        if self._lock.acquire(False):
            self._lock.release()
            return False
        else:
            return True

    def wait(self, timeout=None):
        """Wait until notified or until a timeout occurs.

        If the calling thread has not acquired the lock when this method is
        called, a RuntimeError is raised.

        This method releases the underlying lock, and then blocks until it is
        awakened by a notify() or notify_all() call for the same condition
        variable in another thread, or until the optional timeout occurs. Once
        awakened or timed out, it re-acquires the lock and returns.

        The return value is True unless a given timeout expired, in which case
        it is False.
        """
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        # Each waiter blocks on a lock of its own, which notify() releases.
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:    # restore state no matter what (e.g., KeyboardInterrupt)
            if timeout is None:
                waiter.acquire()
                gotit = True
            else:
                if timeout > 0:
                    gotit = waiter.acquire(True, timeout)
                else:
                    gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until a condition evaluates to True.

        predicate should be a callable which result will be interpreted as a
        boolean value.  A timeout may be provided giving the maximum time to
        wait.
        """
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up one or more threads waiting on this condition, if any.

        If the calling thread has not acquired the lock when this method is
        called, a RuntimeError is raised.
        """
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # gh-92530: The previous call of notify() released the lock,
                # but was interrupted before removing it from the queue.
                # It can happen if a signal handler raises an exception,
                # like CTRL+C which raises KeyboardInterrupt.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up all threads waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Wake up all threads waiting on this condition (deprecated alias)."""
        _deprecated('notifyAll()', 'use notify_all() instead')
        self.notify_all()

    if _native_condition:
        # The native versions fall back to these for non-native Conditions.
        _wait_py, _notify_py, _notify_all_py = wait, notify, notify_all
        __enter__ = _thread._condition_enter
        __exit__ = _thread._condition_exit
        wait = _thread._condition_wait
        notify = _thread._condition_notify
        notify_all = _thread._condition_notify_all


class Semaphore:
    """This class implements semaphore objects.

    Semaphores manage a counter representing the number of release() calls minus
    the number of acquire() calls, plus an initial value. The acquire() method
    blocks if necessary until it can return without making the counter
    negative. If not given, value defaults to 1.
    """

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at 0x%x: value=%d>" % (
            cls.__module__, cls.__qualname__, id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        """Acquire a semaphore, decrementing the internal counter by one.

        Returns True when the counter was decremented, False when a
        non-blocking call or the timeout gave up.
        """
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while True:
                if self._value != 0:
                    self._value -= 1
                    rc = True
                    break
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self, n=1):
        """Release a semaphore, incrementing the internal counter by one or more."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """Implements a bounded semaphore.

    A bounded semaphore checks to make sure its current value doesn't exceed its
    initial value. If it does, ValueError is raised.
    """

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at 0x%x: value=%d/%d>" % (
            cls.__module__, cls.__qualname__, id(self), self._value,
            self._initial_value)

    def release(self, n=1):
        """Release a semaphore, incrementing the internal counter by one or more.

        If the number of releases exceeds the number of acquires,
        raise a ValueError.
        """
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


class Event:
    """Class implementing event objects.

    Events manage a flag that can be set to true with the set() method and reset
    to false with the clear() method. The wait() method blocks until the flag is
    true.  The flag is initially false.
    """

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at 0x%x: %s>" % (
            cls.__module__, cls.__qualname__, id(self),
            'set' if self._flag else 'unset')

    def is_set(self):
        """Return true if and only if the internal flag is true."""
        return self._flag

    def isSet(self):
        """Return true if and only if the internal flag is true (deprecated alias)."""
        _deprecated('isSet()', 'use is_set() instead')
        return self._flag

    def set(self):
        """Set the internal flag to true; wake every waiting thread."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Reset the internal flag to false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the internal flag is true.

        Returns the internal flag on exit, so it will always return True except
        if a timeout is given and the operation times out.
        """
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# A barrier class.  Inspired in part by the pthread_barrier_* api and
# the CyclicBarrier class from Java.
class Barrier:
    """Implements a Barrier.

    Useful for synchronizing a fixed number of threads at known synchronization
    points.  Threads block on 'wait()' and are simultaneously awoken once they
    have all made that call.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0  # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def __repr__(self):
        if self.broken:
            return "<%s.%s at 0x%x: broken>" % (
                self.__class__.__module__, self.__class__.__qualname__, id(self))
        return "<%s.%s at 0x%x: waiters=%d/%d>" % (
            self.__class__.__module__, self.__class__.__qualname__, id(self),
            self.n_waiting, self.parties)

    def wait(self, timeout=None):
        """Wait for the barrier.

        When the specified number of threads have started waiting, they are all
        simultaneously awoken. If an 'action' was provided for the barrier, one
        of the threads will have executed that callback prior to returning.
        Returns an individual index number from 0 to 'parties-1'.
        """
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()  # Block while the barrier drains.
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    # We release the barrier
                    self._release()
                else:
                    # We wait until someone releases us
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                # Wake up any threads waiting for barrier to drain.
                self._exit()

    # Block until the barrier is ready for us, or raise an exception
    # if it is broken.
    def _enter(self):
        while self._state in (-1, 1):
            # It is draining or resetting, wait until done
            self._cond.wait()
        # see if the barrier is in a broken state
        if self._state < 0:
            raise BrokenBarrierError

    # Optionally run the 'action' and release the threads waiting
    # in the barrier.
    def _release(self):
        try:
            if self._action:
                self._action()
            # enter draining state
            self._state = 1
            self._cond.notify_all()
        except:
            # an exception during the _action handler.  Break and reraise
            self._break()
            raise

    # Wait in the barrier until we are released.  Raise an exception
    # if the barrier is reset or broken.
    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            # timed out.  Break the barrier
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    # If we are the last thread to exit the barrier, signal any threads
    # waiting for the barrier to drain.
    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                # resetting or draining
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Reset the barrier to the initial state.

        Any threads currently waiting will get the BrokenBarrier exception
        raised.
        """
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    # reset the barrier, waking up threads
                    self._state = -1
                elif self._state == -2:
                    # was broken, set it to reset state
                    # which clears when the last thread exits
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Place the barrier into a 'broken' state.

        Useful in case of error.  Any currently waiting threads and threads
        attempting to 'wait()' will have BrokenBarrierError raised.
        """
        with self._cond:
            self._break()

    def _break(self):
        # An internal error was detected.  The barrier is set to
        # a broken state all parties awakened.
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        """Return the number of threads required to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """Return the number of threads currently waiting at the barrier."""
        # We don't need synchronization here since this is an ephemeral result
        # anyway.  It returns the correct value in the steady state.
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        """Return True if the barrier is in a broken state."""
        return self._state == -2


# exception raised by the Barrier class
class BrokenBarrierError(RuntimeError):
    pass


# Helper to generate new thread names.  A lock keeps the counter exact even
# without a GIL (CPython uses itertools.count, atomic under its GIL).
_counter_lock = _allocate_lock()
_counter_value = 0


def _newname(name_template="Thread-%d"):
    global _counter_value
    with _counter_lock:
        _counter_value += 1
        n = _counter_value
    return name_template % n


# Active thread administration.
_active_limbo_lock = _allocate_lock()
_active = {}    # maps thread id to Thread object
_limbo = {}     # threads between start() and the start of their bootstrap

# The "finished" locks of the running non-daemon threads, in start order;
# _shutdown() waits on each of them.
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = []


# Thread-local data: each local object keeps a dict per thread ident; a thread
# started by this module drops its dicts when it ends, so a later thread that
# reuses the ident starts empty.  (CPython does this with weak references.)
_local_registry_lock = _allocate_lock()
_local_registry = {}    # thread ident -> list of _localimpl with a dict for it


def _local_cleanup(ident):
    with _local_registry_lock:
        impls = _local_registry.pop(ident, None)
    if impls:
        for impl in impls:
            impl.dicts.pop(ident, None)


# Exception hook for uncaught exceptions in Thread.run().

class ExceptHookArgs:
    """The argument of threading.excepthook: exc_type, exc_value,
    exc_traceback and thread (a 4-item, tuple-like object)."""

    def __init__(self, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            "(%d-sequence given)" % len(args))
        self.exc_type = args[0]
        self.exc_value = args[1]
        self.exc_traceback = args[2]
        self.thread = args[3]

    def _astuple(self):
        return (self.exc_type, self.exc_value, self.exc_traceback, self.thread)

    def __iter__(self):
        return iter(self._astuple())

    def __len__(self):
        return 4

    def __getitem__(self, index):
        return self._astuple()[index]

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, "
                "exc_traceback=%r, thread=%r)" % self._astuple())


def _print_exception_report(exc_type, exc_value, stderr):
    if exc_value is None:
        stderr.write("%s\n" % getattr(exc_type, "__name__", exc_type))
    else:
        stderr.write(_format_exception(exc_value))


def excepthook(args):
    """Handle uncaught Thread.run() exception."""
    if args.exc_type == SystemExit:
        # silently ignore SystemExit
        return

    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            # do nothing if sys.stderr is None and sys.stderr was None
            # when the thread was created
            return
    else:
        # do nothing if sys.stderr is None and args.thread is None
        return

    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    # One write for the whole report, so that reports from several threads
    # do not interleave.
    report = "Exception in thread %s:\n" % name
    if args.exc_value is None:
        report += "%s\n" % getattr(args.exc_type, "__name__", args.exc_type)
    else:
        report += _format_exception(args.exc_value)
    stderr.write(report)
    if hasattr(stderr, "flush"):
        stderr.flush()


# Original value of threading.excepthook
__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Create a local namespace to ensure that variables remain alive
    # when _invoke_excepthook() is called, even if it is called late during
    # Python shutdown.
    old_excepthook = excepthook
    sys_exc_info = _sys.exc_info

    def invoke_excepthook(thread):
        # The hook is looked up at call time: users may assign
        # threading.excepthook after the thread was created.
        hook = excepthook
        if hook is None:
            hook = old_excepthook
        exc_type, exc_value, exc_tb = sys_exc_info()
        args = ExceptHookArgs((exc_type, exc_value, exc_tb, thread))
        try:
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            if _sys is not None and _sys.stderr is not None:
                stderr = _sys.stderr
            else:
                stderr = thread._stderr
            stderr.write("Exception in threading.excepthook:\n")
            _print_exception_report(type(exc), exc, stderr)
            if hasattr(stderr, "flush"):
                stderr.flush()
        finally:
            # Break reference cycle (exception stored in a variable)
            args = None

    return invoke_excepthook


# Main class for threads

class Thread:
    """A class that represents a thread of control.

    This class can be safely subclassed in a limited fashion. There are two ways
    to specify the activity: by passing a callable object to the constructor, or
    by overriding the run() method in a subclass.
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        """This constructor should always be called with keyword arguments.

        *group* should be None; *target* is the callable invoked by run();
        *name* is the thread name ("Thread-N" by default, "Thread-N (target)"
        when a target is given); *args* and *kwargs* are the target's
        arguments; *daemon* defaults to the creating thread's daemon flag.
        """
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass

        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        # Held by the running thread, released when it ends: join() waits on it.
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # Copy of sys.stderr used by self._invoke_excepthook()
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() was not called")
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # easy way to get ._is_stopped set when appropriate
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity.

        It must be called at most once per thread object. It arranges for the
        object's run() method to be invoked in a separate thread of control.
        """
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")

        if self._started.is_set():
            raise RuntimeError("threads can only be started once")

        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        # Return only once the new thread is running and registered.
        self._started.wait()

    def run(self):
        """Method representing the thread's activity.

        You may override this method in a subclass. The standard run() method
        invokes the callable object passed to the object's constructor as the
        target argument, if any, with sequential and keyword arguments taken
        from the args and kwargs arguments, respectively.
        """
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Avoid a refcycle if the thread is running a function with
            # an argument that has a member that points to the thread.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # The function given to _thread.start_new_thread: nothing may escape
        # from it, since _thread would only print it.
        try:
            self._bootstrap_inner()
        except BaseException:
            if not self._started.is_set():
                # The bootstrap failed before the handshake: do not leave
                # start() waiting forever.
                self._is_stopped = True
                with _active_limbo_lock:
                    _limbo.pop(self, None)
                self._started.set()

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """
        Set a lock object which will be released when the thread ends
        (what CPython's C code does with the thread state's lock).
        """
        lock = _allocate_lock()
        lock.acquire()
        self._tstate_lock = lock
        if not self.daemon:
            with _shutdown_locks_lock:
                _shutdown_locks.append(lock)

    def _release_tstate_lock(self):
        lock = self._tstate_lock
        if lock is None:
            return
        with _shutdown_locks_lock:
            if lock in _shutdown_locks:
                _shutdown_locks.remove(lock)
        lock.release()

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            self._set_native_id()
            if _set_thread_name is not None:
                _set_thread_name(self._name)
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()

            if _trace_hook:
                settrace_func = getattr(_sys, "settrace", None)
                if settrace_func is not None:
                    settrace_func(_trace_hook)
            if _profile_hook:
                setprofile_func = getattr(_sys, "setprofile", None)
                if setprofile_func is not None:
                    setprofile_func(_profile_hook)

            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            try:
                _local_cleanup(get_ident())
                self._delete()
            finally:
                # Leave the active table first, then wake the joiners.
                self._release_tstate_lock()

    def _stop(self):
        # After calling ._stop(), .is_alive() returns False and .join() returns
        # immediately.  ._tstate_lock must be released before calling ._stop().
        self._is_stopped = True
        self._tstate_lock = None

    def _delete(self):
        "Remove current thread from the dict of currently running threads."
        with _active_limbo_lock:
            _active.pop(get_ident(), None)

    def join(self, timeout=None):
        """Wait until the thread terminates.

        This blocks the calling thread until the thread whose join() method is
        called terminates -- either normally or through an unhandled exception
        or until the optional timeout occurs.

        When the timeout argument is present and not None, it should be a
        floating point number specifying a timeout for the operation in seconds
        (or fractions thereof). As join() always returns None, you must call
        is_alive() after join() to decide whether a timeout happened.
        """
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")

        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            # the behavior of a negative timeout isn't documented, but
            # historically .join(timeout=x) for x<0 has acted as if timeout=0
            self._wait_for_tstate_lock(timeout=min(max(timeout, 0), TIMEOUT_MAX))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        # Issue #18808: wait for the thread state to be gone.
        # At the end of the thread's life, after all knowledge of the thread
        # is removed from the active table, the thread releases its
        # _tstate_lock; so acquiring and releasing it means the thread is done.
        lock = self._tstate_lock
        if lock is None:
            # already determined that the thread is done
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._stop()

    @property
    def name(self):
        """A string used for identification purposes only."""
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)
        # Renaming the running thread renames its lane in -X gilstats/giltrace.
        if _set_thread_name is not None and self._ident == get_ident():
            _set_thread_name(self._name)

    @property
    def ident(self):
        """Thread identifier of this thread or None if it has not been started."""
        return self._ident

    @property
    def native_id(self):
        """Native integral thread ID of this thread, or None if it has not been started."""
        return self._native_id

    def is_alive(self):
        """Return whether the thread is alive.

        This method returns True just before the run() method starts until just
        after the run() method terminates.
        """
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """A boolean value indicating whether this thread is a daemon thread.

        This must be set before start() is called, otherwise RuntimeError is
        raised. Its initial value is inherited from the creating thread.
        """
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Return whether this thread is a daemon (deprecated; use .daemon)."""
        _deprecated('isDaemon()', 'get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        """Set whether this thread is a daemon (deprecated; set .daemon)."""
        _deprecated('setDaemon()', 'set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):
        """Return a string used for identification purposes only (deprecated)."""
        _deprecated('getName()', 'get the name attribute instead')
        return self.name

    def setName(self, name):
        """Set the name string for this thread (deprecated; set .name)."""
        _deprecated('setName()', 'set the name attribute instead')
        self.name = name


class Timer(Thread):
    """Call a function after a specified number of seconds:

            t = Timer(30.0, f, args=None, kwargs=None)
            t.start()
            t.cancel()     # stop the timer's action if it's still waiting
    """

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# Special thread class to represent the main thread

class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        # Released by _shutdown(); not in _shutdown_locks (nobody joins it there).
        lock = _allocate_lock()
        lock.acquire()
        self._tstate_lock = lock
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


# Dummy thread class to represent threads not started here.
# These aren't garbage collected when they die, nor can they be waited for.
# If they invoke anything in threading.py that calls current_thread(), they
# leave an entry in the _active dict forever after.
# Their purpose is to return *something* from current_thread().

class _DummyThread(Thread):

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


# Global API functions

def current_thread():
    """Return the current Thread object, corresponding to the caller's thread of control.

    If the caller's thread of control was not created through the threading
    module, a dummy thread object with limited functionality is returned.
    """
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Return the current Thread object (deprecated alias of current_thread())."""
    _deprecated('currentThread()', 'use current_thread() instead')
    return current_thread()


def active_count():
    """Return the number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Return the number of Thread objects currently alive (deprecated alias)."""
    _deprecated('activeCount()', 'use active_count() instead')
    return active_count()


def _enumerate():
    # Same as enumerate(), but without the lock. Internal use only.
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """Return a list of all Thread objects currently alive.

    The list includes daemonic threads, dummy thread objects created by
    current_thread(), and the main thread. It excludes terminated threads and
    threads that have not yet been started.
    """
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def stack_size(size=0):
    """Return the thread stack size used when creating new threads (0: default)."""
    native = getattr(_thread, "stack_size", None)
    if native is not None:
        return native(size)
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


# Functions run by _shutdown() before the non-daemon threads are joined, in
# reverse order of registration (like atexit).  concurrent.futures registers
# one that wakes the idle workers of every live executor so they can exit.
_shutdown_hooks = []
_threading_atexits = _shutdown_hooks
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """CPython internal: register *func* to be called when the main thread ends.

    The registered *func* is called with its arguments just before all
    non-daemon threads are joined in `_shutdown()`.
    """
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")

    def call():
        return func(*arg, **kwargs)

    _shutdown_hooks.append(call)


# Create the main thread object, and make it available for the interpreter
# (Py_Main) as threading._shutdown.

_main_thread = _MainThread()


def _shutdown():
    """
    Wait until all non-daemon threads have ended.  The interpreter calls this
    after the main module has finished.
    """
    if _main_thread._is_stopped:
        # _shutdown() was already called
        return

    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True

    # Call registered threading atexit functions before threads are joined.
    # Order is reversed, similar to atexit.
    for atexit_call in reversed(list(_shutdown_hooks)):
        atexit_call()

    # Main thread: wake whoever waits on main_thread().join().
    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        if tlock is not None and tlock.locked():
            tlock.release()
        _main_thread._stop()

    # Join all non-daemon threads, in start order; a thread may start others
    # while we wait, so loop until none are left.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()

        if not locks:
            break

        for lock in locks:
            # mimic Thread.join()
            lock.acquire()
            lock.release()


def _after_fork():
    """
    In a forked child: only the thread that called fork() exists.  Re-make the
    module's locks (another thread may have held one), mark every other
    thread stopped, and make the forking thread the main thread.
    """
    global _active_limbo_lock, _counter_lock, _local_registry_lock
    global _shutdown_locks_lock, _shutdown_locks, _main_thread, _SHUTTING_DOWN
    _active_limbo_lock = _allocate_lock()
    _counter_lock = _allocate_lock()
    _local_registry_lock = _allocate_lock()
    _shutdown_locks_lock = _allocate_lock()
    _shutdown_locks = []
    _SHUTTING_DOWN = False
    ident = get_ident()
    current = _active.get(ident)
    threads = list(_active.values()) + list(_limbo.values())
    _active.clear()
    _limbo.clear()
    for thread in threads:
        started = Event()
        started.set()
        thread._started = started
        if thread is current:
            lock = _allocate_lock()
            lock.acquire()
            thread._tstate_lock = lock
            thread._is_stopped = False
            thread._set_native_id()
        else:
            thread._tstate_lock = None
            thread._is_stopped = True
    if current is None:
        current = _MainThread()
    else:
        _active[ident] = current
    _main_thread = current
    for other in list(_local_registry):
        if other != ident:
            _local_cleanup(other)


def main_thread():
    """Return the main thread object.

    In normal conditions, the main thread is the thread from which the
    Python interpreter was started.
    """
    return _main_thread


# Thread-local data (CPython's _threading_local, reduced to the gilpy subset).

class _localimpl:
    """The per-thread dicts of one local object (kept outside its __dict__)."""

    def __init__(self, args, kw):
        self.dicts = {}
        self.localargs = (args, kw)

    def create_dict(self):
        """Create a new dict for the current thread, and return it."""
        ident = get_ident()
        d = {}
        self.dicts[ident] = d
        with _local_registry_lock:
            impls = _local_registry.get(ident)
            if impls is None:
                impls = []
                _local_registry[ident] = impls
            impls.append(self)
        return d


def _local_dict(self):
    # The current thread's dict of a local object; on the first access from a
    # thread, create it and run the subclass's __init__ again there.
    impl = self._local__impl
    try:
        return impl.dicts[get_ident()]
    except KeyError:
        pass
    d = impl.create_dict()
    args, kw = impl.localargs
    type(self).__init__(self, *args, **kw)
    return d


def _local_typename(self):
    if type(self) is local:
        return "_thread._local"
    return type(self).__name__


class local:
    """Thread-local data: attributes set on an instance are seen only by the
    thread that set them."""

    def __new__(cls, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _localimpl(args, kw)
        object.__setattr__(self, '_local__impl', impl)
        # The constructor's own __init__ call fills the creating thread's dict.
        impl.create_dict()
        return self

    def __getattr__(self, name):
        # Reached only when normal lookup fails (the per-thread values are
        # not in the instance dict).
        if name == '_local__impl':
            raise AttributeError(name)
        d = _local_dict(self)
        try:
            return d[name]
        except KeyError:
            pass
        raise AttributeError("'%s' object has no attribute '%s'"
                             % (_local_typename(self), name))

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % _local_typename(self))
        # Data descriptors of the class (properties) keep working.
        attr = getattr(type(self), name, None)
        if attr is not None and hasattr(attr, "__set__"):
            object.__setattr__(self, name, value)
            return
        _local_dict(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % _local_typename(self))
        attr = getattr(type(self), name, None)
        if attr is not None and hasattr(attr, "__delete__"):
            object.__delattr__(self, name)
            return
        d = _local_dict(self)
        if name not in d:
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (_local_typename(self), name))
        del d[name]
