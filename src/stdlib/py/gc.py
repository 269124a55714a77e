"""This module provides access to the garbage collector for reference cycles.

enable() -- Enable automatic garbage collection.
disable() -- Disable automatic garbage collection.
isenabled() -- Returns true if automatic collection is enabled.
collect() -- Do a full collection right now.
get_count() -- Return the current collection counts.
get_stats() -- Return list of dictionaries containing per-generation stats.
set_debug() -- Set debugging flags.
get_debug() -- Get debugging flags.
set_threshold() -- Set the collection thresholds.
get_threshold() -- Return the current the collection thresholds.
get_objects() -- Return a list of all objects tracked by the collector.
is_tracked() -- Returns true if a given object is tracked.
is_finalized() -- Returns true if a given object has been already finalized.
get_referrers() -- Return the list of objects that refer to an object.
get_referents() -- Return the list of objects that an object refers to.
freeze() -- Freeze all tracked objects and ignore them for future collections.
unfreeze() -- Unfreeze all objects in the permanent generation.
get_freeze_count() -- Return the number of objects in the permanent generation.

Containers (lists, dicts, sets, tuples holding containers, instances,
functions, closure cells, bound methods, generators) are tracked; objects
held by native structures are never freed by the collector.
"""

import sys
import _gc

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL

garbage = []
callbacks = []

_debug = 0


def _index(value):
    # An int, or anything with __index__, as CPython's "i" conversion.
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    index = getattr(type(value), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return index(value)


def enable():
    """Enable automatic garbage collection."""
    _gc.enable(True)


def disable():
    """Disable automatic garbage collection."""
    _gc.enable(False)


def isenabled():
    """Returns true if automatic garbage collection is enabled."""
    return _gc.isenabled()


_in_callbacks = False


def _run_callbacks(phase, info):
    # A failing callback is reported and the others still run. Collections
    # the callbacks themselves cause are not reported (CPython makes none).
    global _in_callbacks
    if _in_callbacks:
        return
    _in_callbacks = True
    try:
        _each_callback(phase, info)
    finally:
        _in_callbacks = False


def _each_callback(phase, info):
    for cb in list(callbacks):
        try:
            cb(phase, info)
        except Exception as exc:
            # Reported as CPython reports an unraisable exception.
            import traceback
            print("Exception ignored in: %r" % (cb,), file=sys.stderr)
            tb = exc.__traceback__
            traceback.print_exception(type(exc), exc, tb and tb.tb_next,
                                      file=sys.stderr)


def _automatic(phase, generation, collected, uncollectable):
    # Called by the collector around each collection it starts by itself.
    if callbacks:
        _run_callbacks(phase, {"generation": generation, "collected": collected,
                               "uncollectable": uncollectable})


_gc._set_callback_runner(_automatic)


def collect(generation=2):
    """Run the garbage collector.

    With no arguments, run a full collection.  The optional argument
    may be an integer specifying which generation to collect.  A ValueError
    is raised if the generation number is invalid.

    The number of unreachable objects is returned.
    """
    generation = _index(generation)
    if generation < 0 or generation > 2:
        raise ValueError("invalid generation")
    if callbacks:
        _run_callbacks("start", {"generation": generation, "collected": 0,
                                 "uncollectable": 0})
    collected, uncollectable = _gc.collect(generation)
    if _debug & DEBUG_STATS:
        print("gc: done, %d unreachable, %d uncollectable"
              % (collected, uncollectable), file=sys.stderr)
    if callbacks:
        _run_callbacks("stop", {"generation": generation,
                                "collected": collected,
                                "uncollectable": uncollectable})
    return collected + uncollectable


def get_count():
    """Return a three-tuple of the current collection counts."""
    return _gc.get_count()


def get_threshold():
    """Return the current collection thresholds."""
    return _gc.get_threshold()


def set_threshold(*args, **kwargs):
    """set_threshold(threshold0, [threshold1, threshold2]) -> None

    Sets the collection thresholds.  Setting threshold0 to zero disables
    collection.
    """
    if kwargs:
        raise TypeError("set_threshold() takes no keyword arguments")
    if not args:
        raise TypeError("set_threshold() takes at least 1 argument (0 given)")
    if len(args) > 3:
        raise TypeError("set_threshold() takes at most 3 arguments (%d given)"
                        % len(args))
    values = list(_gc.get_threshold())
    for i, arg in enumerate(args):
        values[i] = _index(arg)
    _gc.set_threshold(*values)


def set_debug(flags):
    """Set the garbage collection debugging flags (kept, not acted on)."""
    global _debug
    _debug = _index(flags)


def get_debug():
    """Get the garbage collection debugging flags."""
    return _debug


def get_stats():
    """Return a list of dictionaries containing per-generation statistics."""
    return [{"collections": c, "collected": n, "uncollectable": u}
            for c, n, u in _gc.get_stats()]


def freeze():
    """Freeze all current tracked objects and ignore them for future
    collections."""
    _gc.freeze()


def unfreeze():
    """Unfreeze all objects in the permanent generation."""
    _gc.unfreeze()


def get_freeze_count():
    """Return the number of objects in the permanent generation."""
    return _gc.get_freeze_count()


# Types whose instances CPython never tracks: they cannot hold references
# that form a cycle.
_ATOMS = (int, float, complex, str, bytes, bytearray, bool, type(None),
          range, type(Ellipsis), type(NotImplemented))


def _may_be_tracked(obj):
    return is_tracked(obj)


def is_tracked(obj):
    """Returns true if the object is tracked by the garbage collector.

    Atoms (numbers, strings, bytes, None...) never are; a dict is only
    while it holds a container; other containers, functions and instances
    are.
    """
    if isinstance(obj, type):
        # Classes are tracked containers, except the built-in ones that
        # CPython allocates statically.
        return type(obj).__module__ != "builtins" or \
            getattr(obj, "__module__", "builtins") != "builtins"
    if type(obj) is object:
        return False
    if isinstance(obj, _ATOMS):
        return False
    if type(obj) is dict:
        for k, v in obj.items():
            if _may_be_tracked(k) or _may_be_tracked(v):
                return True
        return False
    return True


def is_finalized(obj):
    """Returns true if the object has been already finalized by the GC."""
    return _gc.is_finalized(obj)


def get_referents(*objs):
    """Return the list of objects that are directly referred to by objs.

    Known for the built-in containers; other objects raise
    NotImplementedError.
    """
    result = []
    for obj in objs:
        if isinstance(obj, _ATOMS):
            continue
        if isinstance(obj, (list, tuple)):
            # CPython visits sequence items from the last.
            result.extend(reversed(list(obj)))
        elif isinstance(obj, dict):
            if all(type(k) is str for k in obj):
                result.extend(obj.values())
            else:
                # Each value is visited before its key.
                for k, v in obj.items():
                    result.append(v)
                    result.append(k)
        elif isinstance(obj, (set, frozenset)):
            result.extend(obj)
        else:
            raise NotImplementedError(
                "gc.get_referents() is only available for the built-in "
                "containers in gilpy")
    return result


def get_referrers(*objs):
    """Not available: gilpy keeps no list of all objects."""
    raise NotImplementedError(
        "gc.get_referrers() is not available in gilpy: there is no list of "
        "all objects to search")


def get_objects(generation=None):
    """Return a list of objects tracked by the collector (excluding the list
    returned)."""
    if generation is not None:
        generation = _index(generation)
        if generation >= 3:
            raise ValueError("generation parameter must be less than the "
                             "number of available generations (3)")
        if generation < 0:
            raise ValueError("generation parameter cannot be negative")
    return _gc.get_objects(generation)
