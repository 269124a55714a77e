"""Mock objects for tests: stand-ins that record how they are used.

gilpy's unittest.mock: Mock, MagicMock, NonCallableMock, NonCallableMagicMock,
PropertyMock, AsyncMock, the call/ANY/sentinel/DEFAULT helpers, patch (with
patch.object, patch.dict, patch.multiple, patch.stopall), mock_open and seal,
behaving (reprs, recorded calls, assertion messages) as CPython 3.11's module.
Not implemented: signature checking (autospec, create_autospec and spec'd
call matching); autospec=True is treated as spec=True.
"""

import sys
import builtins
import contextlib
import functools
import inspect
import io
import pprint
import types

__all__ = (
    'Mock', 'MagicMock', 'patch', 'sentinel', 'DEFAULT', 'ANY', 'call',
    'create_autospec', 'AsyncMock', 'FILTER_DIR', 'NonCallableMock',
    'NonCallableMagicMock', 'mock_open', 'PropertyMock', 'seal',
)

FILTER_DIR = True


# -- sentinels ----------------------------------------------------------------------------

class _SentinelObject(object):
    """A unique named object, printed as sentinel.NAME."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.' + self.name

    def __reduce__(self):
        return 'sentinel.' + self.name


class _Sentinel(object):
    """Attribute access gives the same unique object for the same name."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            # keep copy/pickle-like introspection from creating a sentinel
            raise AttributeError(name)
        known = self._sentinels
        if name not in known:
            known[name] = _SentinelObject(name)
        return known[name]

    def __reduce__(self):
        return 'sentinel'


sentinel = _Sentinel()

DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _AnyType(object):
    """Equal to everything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__

    def __repr__(self):
        return '<ANY>'


ANY = _AnyType()


# -- small helpers ------------------------------------------------------------------------

def _is_instance_mock(obj):
    return issubclass(type(obj), NonCallableMock)


def _is_exception(obj):
    if isinstance(obj, BaseException):
        return True
    return isinstance(obj, type) and issubclass(obj, BaseException)


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, types.MethodType)):
        return _callable(obj.__func__)
    return callable(obj)


def _is_list(obj):
    return type(obj) in (list, tuple)


def _is_async_func(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    try:
        return inspect.iscoroutinefunction(obj)
    except Exception:
        return False


def _is_async_obj(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, '__func__'):
        obj = obj.__func__
    return _is_async_func(obj)


def _try_iter(obj):
    # side_effect values: exceptions and callables are kept, iterables are
    # turned into iterators, anything else is kept as it is.
    if obj is None or _is_exception(obj) or _callable(obj):
        return obj
    try:
        return iter(obj)
    except TypeError:
        return obj


def _safe_repr(obj):
    try:
        return repr(obj)
    except Exception:
        return object.__repr__(obj)


def _format_call_signature(name, args, kwargs):
    parts = [repr(a) for a in args]
    for key, value in kwargs.items():
        parts.append('%s=%r' % (key, value))
    return '%s(%s)' % (name, ', '.join(parts))


def _dotted_name(mock):
    # The name a mock prints as: its root's name (or 'mock'), then each
    # attribute step as '.name' and each return value step as '()'.
    steps = []
    node = mock
    while node._mock_new_parent is not None:
        steps.append(node._mock_new_name)
        node = node._mock_new_parent
    text = node._mock_name or 'mock'
    for step in reversed(steps):
        if step == '()':
            text += '()'
        else:
            text += '.' + step
    return text


def _check_and_set_parent(parent, value, name, new_name):
    # A fresh, anonymous mock assigned to an attribute (or as a return value)
    # becomes a child: its calls are then recorded on the parent too.
    if not _is_instance_mock(value):
        return False
    if (value._mock_name or value._mock_new_name or
            value._mock_parent is not None or value._mock_new_parent is not None):
        return False
    node = parent
    while node is not None:
        if node is value:
            return False
        node = node._mock_new_parent
    if new_name:
        value._mock_new_parent = parent
        value._mock_new_name = new_name
    if name:
        value._mock_parent = parent
        value._mock_name = name
    return True


# -- calls ---------------------------------------------------------------------------------

class _CallList(list):
    """A list of calls; `in` also finds a contiguous run of calls."""

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        size = len(value)
        if size == 0:
            return True
        for start in range(len(self) - size + 1):
            if self[start:start + size] == value:
                return True
        return False

    def __repr__(self):
        return pprint.pformat(list(self))


def _split_call_value(value):
    # (name, args, kwargs) from the 0 to 3 item forms a call may be given in;
    # name is None when the value holds none.
    name, args, kwargs = None, (), {}
    count = len(value)
    if count == 3:
        name, args, kwargs = value
    elif count == 2:
        first, second = value
        if isinstance(first, str):
            name = first
            if isinstance(second, tuple):
                args = second
            else:
                kwargs = second
        else:
            args, kwargs = first, second
    elif count == 1:
        only = value[0]
        if isinstance(only, tuple):
            args = only
        elif isinstance(only, str):
            name = only
        else:
            kwargs = only
    return name, args, kwargs


class _Call(tuple):
    """A recorded (or expected) call: a tuple (args, kwargs) or
    (name, args, kwargs) that compares equal to the other forms."""

    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        got_name, args, kwargs = _split_call_value(value)
        if got_name is None:
            got_name = name
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (got_name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def _parts(self):
        if len(self) == 2:
            return '', self[0], self[1]
        return self[0], self[1], self[2]

    def __eq__(self, other):
        try:
            count = len(other)
        except TypeError:
            return NotImplemented
        if count > 3:
            return False
        my_name, my_args, my_kwargs = self._parts()
        other_parent = getattr(other, '_mock_parent', None)
        if (self._mock_parent is not None and other_parent is not None
                and self._mock_parent != other_parent):
            return False
        if isinstance(other, _Call):
            other_name, other_args, other_kwargs = other._parts()
        else:
            other_name, other_args, other_kwargs = _split_call_value(tuple(other))
            if other_name is None:
                other_name = ''
        if my_name and other_name != my_name:
            return False
        return (other_args, other_kwargs) == (my_args, my_kwargs)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __call__(self, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((self._mock_name, args, kwargs),
                     name=self._mock_name + '()', parent=self)

    def __getattr__(self, attr):
        if attr.startswith('_mock_'):
            raise AttributeError(attr)
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name='%s.%s' % (self._mock_name, attr), parent=self,
                     from_kall=False)

    def count(self, *args, **kwargs):
        return self.__getattr__('count')(*args, **kwargs)

    def index(self, *args, **kwargs):
        return self.__getattr__('index')(*args, **kwargs)

    @property
    def args(self):
        return self._parts()[1]

    @property
    def kwargs(self):
        return self._parts()[2]

    def __repr__(self):
        if not self._mock_from_kall:
            text = self._mock_name or 'call'
            if text.startswith('()'):
                text = 'call' + text
            return text
        name, args, kwargs = self._parts()
        if not name:
            name = 'call'
        elif name.startswith('()'):
            name = 'call' + name
        else:
            name = 'call.' + name
        return _format_call_signature(name, args, kwargs)

    def call_list(self):
        """All the calls of a chained call, as a list."""
        chain = []
        node = self
        while node is not None:
            if node._mock_from_kall:
                chain.append(node)
            node = node._mock_parent
        chain.reverse()
        return _CallList(chain)


call = _Call(from_kall=False)


class _AnyComparer(list):
    # `in` with the expected call on the left, so ANY in it matches.
    def __contains__(self, item):
        for candidate in self:
            if len(item) != len(candidate):
                continue
            if all(mine == theirs for mine, theirs in zip(item, candidate)):
                return True
        return False


# -- the mock classes ------------------------------------------------------------------

# names set through object.__setattr__ without the mock bookkeeping
_plain_attributes = frozenset([
    'return_value', 'side_effect', 'called', 'call_count', 'call_args',
    'call_args_list', 'mock_calls', 'method_calls',
    'await_count', 'await_args', 'await_args_list',
])

_invalid_assert_prefixes = ('assert', 'assret', 'asert', 'aseert', 'assrt')


class Base(object):
    def __init__(self, *args, **kwargs):
        pass


def _recorded(key):
    """A property over one of a mock's recorded fields, kept in its
    __dict__ (so that attribute lookups of the mock do not see it)."""
    def get(self):
        return getattr(self, key)

    def set(self, value):
        self.__dict__[key] = value

    return property(get, set)


class NonCallableMock(Base):
    """A mock that cannot be called: attributes are created on access as
    child mocks, and how they are used is recorded."""

    def __new__(cls, *args, **kwargs):
        # Each mock gets a class of its own, so magic methods can be set on
        # one mock without touching the others.
        own = type(cls.__name__, (cls,), {'__doc__': cls.__doc__})
        return object.__new__(own)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None,
                 parent=None, _spec_state=None, _new_name='', _new_parent=None,
                 _spec_as_instance=False, _eat_self=None, unsafe=False,
                 **kwargs):
        if _new_parent is None:
            _new_parent = parent
        state = self.__dict__
        state['_mock_parent'] = parent
        state['_mock_name'] = name
        state['_mock_new_name'] = _new_name
        state['_mock_new_parent'] = _new_parent
        state['_mock_sealed'] = False
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        state['_mock_children'] = {}
        state['_mock_wraps'] = wraps
        state['_mock_delegate'] = None
        state['_mock_called'] = False
        state['_mock_call_args'] = None
        state['_mock_call_count'] = 0
        state['_mock_call_args_list'] = _CallList()
        state['_mock_mock_calls'] = _CallList()
        state['method_calls'] = _CallList()
        state['_mock_unsafe'] = unsafe
        if kwargs:
            self.configure_mock(**kwargs)
        Base.__init__(self, spec=spec, wraps=wraps, name=name,
                      spec_set=spec_set, parent=parent, _spec_state=_spec_state)

    # -- spec ----------------------------------------------------------------

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False,
                       _eat_self=False):
        spec_class = None
        asyncs = []
        if spec is not None and not _is_list(spec):
            if isinstance(spec, type):
                spec_class = spec
            else:
                spec_class = type(spec)
            names = dir(spec)
            for attr in names:
                try:
                    value = getattr(spec, attr, None)
                except Exception:
                    continue
                if _is_async_func(value):
                    asyncs.append(attr)
            spec = names
        state = self.__dict__
        state['_spec_class'] = spec_class
        state['_spec_set'] = spec_set
        state['_spec_signature'] = None
        state['_mock_methods'] = None if spec is None else list(spec)
        state['_spec_asyncs'] = asyncs

    def mock_add_spec(self, spec, spec_set=False):
        """Restrict the mock's attributes to those of spec (an object or a
        list of names); with spec_set, setting others fails too."""
        self._mock_add_spec(spec, spec_set)

    def attach_mock(self, mock, attribute):
        """Make mock the attribute `attribute` of this mock, so its calls are
        recorded in this mock's method_calls and mock_calls."""
        inner = mock
        inner._mock_parent = None
        inner._mock_new_parent = None
        inner._mock_name = ''
        inner._mock_new_name = None
        setattr(self, attribute, mock)

    def _get_class(self):
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    __class__ = property(_get_class)

    # -- recorded state ----------------------------------------------------------

    called = _recorded('_mock_called')
    call_count = _recorded('_mock_call_count')
    call_args = _recorded('_mock_call_args')
    call_args_list = _recorded('_mock_call_args_list')
    mock_calls = _recorded('_mock_mock_calls')

    def _get_return_value(self):
        value = self.__dict__.get('_mock_return_value', DEFAULT)
        if value is DEFAULT:
            value = self._get_child_mock(_new_parent=self, _new_name='()')
            self.return_value = value
        return value

    def _set_return_value(self, value):
        self.__dict__['_mock_return_value'] = value
        _check_and_set_parent(self, value, None, '()')

    return_value = property(_get_return_value, _set_return_value,
                            doc="The value returned when the mock is called.")

    def _get_side_effect(self):
        return self.__dict__.get('_mock_side_effect')

    def _set_side_effect(self, value):
        self.__dict__['_mock_side_effect'] = _try_iter(value)

    side_effect = property(_get_side_effect, _set_side_effect)

    # -- configuration -----------------------------------------------------------

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        """Forget every recorded call, here and in the child mocks."""
        if visited is None:
            visited = []
        for seen in visited:
            if seen is self:
                return
        visited.append(self)
        state = self.__dict__
        state['_mock_called'] = False
        state['_mock_call_args'] = None
        state['_mock_call_count'] = 0
        state['_mock_mock_calls'] = _CallList()
        state['_mock_call_args_list'] = _CallList()
        state['method_calls'] = _CallList()
        if return_value:
            state['_mock_return_value'] = DEFAULT
        if side_effect:
            state['_mock_side_effect'] = None
        for child in list(self._mock_children.values()):
            if child is _deleted or not _is_instance_mock(child):
                continue
            child.reset_mock(visited, return_value=return_value,
                             side_effect=side_effect)
        ret = state.get('_mock_return_value', DEFAULT)
        if _is_instance_mock(ret) and ret is not self:
            ret.reset_mock(visited)

    def configure_mock(self, **kwargs):
        """Set attributes, dotted names reaching into child mocks:
        m.configure_mock(**{'method.return_value': 3, 'other.side_effect': KeyError})"""
        def depth(item):
            return item[0].count('.')
        for key, value in sorted(kwargs.items(), key=depth):
            path = key.split('.')
            last = path.pop()
            target = self
            for step in path:
                target = getattr(target, step)
            setattr(target, last, value)

    # -- attributes ---------------------------------------------------------------

    def __getattr__(self, name):
        if name.startswith('_mock_') or name.startswith('_spec_'):
            raise AttributeError(name)
        methods = self.__dict__.get('_mock_methods')
        if methods is not None:
            if name not in methods or name in _all_magics:
                raise AttributeError('Mock object has no attribute %r' % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self.__dict__.get('_mock_unsafe', False) and (
                not methods or name not in methods):
            if name.startswith(_invalid_assert_prefixes):
                raise AttributeError(
                    "%r is not a valid assertion. Use a spec for the mock if "
                    "%r is meant to be an attribute." % (name, name))
        children = self._mock_children
        child = children.get(name)
        if child is _deleted:
            raise AttributeError(name)
        if child is None:
            wrapped = None
            if self._mock_wraps is not None:
                wrapped = getattr(self._mock_wraps, name)
            child = self._get_child_mock(parent=self, name=name, wraps=wrapped,
                                         _new_name=name, _new_parent=self)
            children[name] = child
        return child

    def __setattr__(self, name, value):
        if (name in _plain_attributes or name.startswith('_mock_')
                or name.startswith('_spec_')):
            return object.__setattr__(self, name, value)
        methods = self.__dict__.get('_mock_methods')
        if (self._spec_set and methods is not None and name not in methods
                and name not in self.__dict__):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        if name in _unsupported_magics:
            raise AttributeError('Attempting to set unsupported magic method %r.' % name)
        if name in _all_magics:
            if methods is not None and name not in methods:
                raise AttributeError("Mock object has no attribute '%s'" % name)
            if not _is_instance_mock(value):
                setattr(type(self), name, _as_method(name, value))
                original = value
                mock_self = self

                def value(*args, **kw):
                    return original(mock_self, *args, **kw)
            else:
                _check_and_set_parent(self, value, None, name)
                setattr(type(self), name, value)
                self._mock_children[name] = value
                if name == '__eq__' and '__hash__' not in type(self).__dict__:
                    type(self).__hash__ = _hash_by_identity
        elif name == '__class__':
            self.__dict__['_spec_class'] = value
            return None
        else:
            if _check_and_set_parent(self, value, name, name):
                self._mock_children[name] = value
        if self._mock_sealed and not hasattr(self, name):
            raise AttributeError('Cannot set %s.%s' % (_dotted_name(self), name))
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in self.__dict__:
                return
        child = self._mock_children.get(name, _missing)
        if name in self.__dict__:
            object.__delattr__(self, name)
        elif child is _deleted:
            raise AttributeError(name)
        if child is not _missing:
            del self._mock_children[name]
        self._mock_children[name] = _deleted

    def __dir__(self):
        extras = list(self._mock_methods or [])
        own = [n for n in dir(type(self)) if not n.startswith('_')]
        in_dict = [n for n in self.__dict__ if not n.startswith('_') or _is_magic(n)]
        kids = [n for n, c in self._mock_children.items() if c is not _deleted]
        if not FILTER_DIR:
            return object.__dir__(self)
        return sorted(set(extras + own + in_dict + kids))

    def _extract_mock_name(self):
        return _dotted_name(self)

    def __repr__(self):
        name = _dotted_name(self)
        name_text = ''
        if name not in ('mock', 'mock.'):
            name_text = ' name=%r' % name
        spec_text = ''
        if self._spec_class is not None:
            if self._spec_set:
                spec_text = ' spec_set=%r' % self._spec_class.__name__
            else:
                spec_text = ' spec=%r' % self._spec_class.__name__
        return "<%s%s%s id='%s'>" % (type(self).__name__, name_text, spec_text, id(self))

    def _get_child_mock(self, **kw):
        new_name = kw.get('_new_name')
        if new_name in self.__dict__.get('_spec_asyncs', ()):
            return AsyncMock(**kw)
        if self._mock_sealed:
            attribute = '.' + kw['name'] if 'name' in kw else '()'
            raise AttributeError(_dotted_name(self) + attribute)
        own = type(self)
        if issubclass(own, MagicMock) and new_name in _async_method_magics:
            klass = AsyncMock
        elif issubclass(own, AsyncMockMixin):
            if (new_name in _all_sync_magics or
                    (self._mock_methods and new_name in self._mock_methods)):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(own, CallableMixin):
            if issubclass(own, NonCallableMagicMock):
                klass = MagicMock
            else:
                klass = Mock
        else:
            klass = own.__mro__[1]
        return klass(**kw)

    # -- assertions ---------------------------------------------------------------

    def _mock_label(self):
        return self._mock_name or 'mock'

    def _calls_repr(self, prefix='Calls'):
        if not self.mock_calls:
            return ''
        return '\n%s: %s.' % (prefix, _safe_repr(self.mock_calls))

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call_signature(self._mock_label(), args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        expected = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return 'expected %s not found.\nExpected: %s\n  Actual: %s' % (
            action, expected, actual)

    def _call_matcher(self, _call):
        return _call

    def assert_not_called(self):
        """Fail if the mock was called."""
        if self.call_count != 0:
            raise AssertionError(
                "Expected '%s' to not have been called. Called %s times.%s"
                % (self._mock_label(), self.call_count, self._calls_repr()))

    def assert_called(self):
        """Fail if the mock was never called."""
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." % self._mock_label())

    def assert_called_once(self):
        """Fail unless the mock was called exactly once."""
        if self.call_count != 1:
            raise AssertionError(
                "Expected '%s' to have been called once. Called %s times.%s"
                % (self._mock_label(), self.call_count, self._calls_repr()))

    def assert_called_with(self, *args, **kwargs):
        """Fail unless the last call had these arguments."""
        if self.call_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('expected call not found.\nExpected: %s\n  Actual: %s'
                                 % (expected, 'not called.'))
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.call_args)
        if actual != expected:
            raise AssertionError(self._format_mock_failure_message(args, kwargs))

    def assert_called_once_with(self, *args, **kwargs):
        """Fail unless the mock was called exactly once, with these arguments."""
        if self.call_count != 1:
            raise AssertionError(
                "Expected '%s' to be called once. Called %s times.%s"
                % (self._mock_label(), self.call_count, self._calls_repr()))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fail unless mock_calls holds these calls: one after the other, or
        in any order with any_order=True."""
        expected = [self._call_matcher(c) for c in calls]
        recorded = _CallList(self._call_matcher(c) for c in self.mock_calls)
        if not any_order:
            if expected not in recorded:
                actual = self._calls_repr(prefix='  Actual').rstrip('.')
                raise AssertionError('Calls not found.\nExpected: %s%s'
                                     % (_CallList(calls), actual))
            return
        remaining = list(recorded)
        missing = []
        for one in expected:
            try:
                remaining.remove(one)
            except ValueError:
                missing.append(one)
        if missing:
            raise AssertionError(
                '%r does not contain all of %r in its call list, found %r instead'
                % (self._mock_label(), tuple(missing), remaining))

    def assert_any_call(self, *args, **kwargs):
        """Fail unless some call (not only the last) had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = [self._call_matcher(c) for c in self.call_args_list]
        if expected not in _AnyComparer(actual):
            raise AssertionError('%s call not found'
                                 % self._format_mock_call_signature(args, kwargs))


def _hash_by_identity(self):
    return object.__hash__(self)


class CallableMixin(Base):

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT,
                 wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        NonCallableMock.__init__(self, spec, wraps, name, spec_set, parent,
                                 _spec_state, _new_name, _new_parent, **kwargs)
        self.side_effect = side_effect

    def __call__(self, *args, **kwargs):
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, *args, **kwargs):
        state = self.__dict__
        state['_mock_called'] = True
        state['_mock_call_count'] = state['_mock_call_count'] + 1
        this_call = _Call((args, kwargs), two=True)
        state['_mock_call_args'] = this_call
        self.call_args_list.append(this_call)
        self.mock_calls.append(_Call(('', args, kwargs)))

        # Record the call on every ancestor: mock_calls follows attributes and
        # return values, method_calls only attributes.
        method_name = self._mock_name
        record_methods = self._mock_parent is not None
        call_name = self._mock_new_name
        last_was_call = call_name == '()'
        ancestor = self._mock_new_parent
        while ancestor is not None:
            if record_methods:
                ancestor.method_calls.append(_Call((method_name, args, kwargs)))
                record_methods = ancestor._mock_parent is not None
                if record_methods:
                    method_name = ancestor._mock_name + '.' + method_name
            ancestor.mock_calls.append(_Call((call_name, args, kwargs)))
            step = ancestor._mock_new_name
            if step:
                if last_was_call:
                    call_name = step + call_name
                else:
                    call_name = step + '.' + call_name
                last_was_call = step == '()'
            ancestor = ancestor._mock_new_parent

    def _execute_mock_call(self, *args, **kwargs):
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if not _callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self.__dict__.get('_mock_return_value', DEFAULT) is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock.  Calls return return_value (a child Mock unless set)
    or what side_effect gives: an exception is raised, an iterable gives
    one value per call, a function is called with the same arguments.
    Attributes are child mocks created on first use; spec restricts them to
    those of an object (spec_set also restricts setting); wraps passes
    calls through to a real object."""


# -- magic methods ------------------------------------------------------------------------

_magic_words = (
    'lt le gt ge eq ne getitem setitem delitem len contains iter hash str '
    'sizeof enter exit divmod rdivmod neg pos abs invert complex int float '
    'index round trunc floor ceil bool next fspath aiter'
)
_number_words = 'add sub mul matmul truediv floordiv mod lshift rshift and xor or pow'
_in_place_words = ' '.join('i%s' % w for w in _number_words.split())
_right_words = ' '.join('r%s' % w for w in _number_words.split())

_non_default_magics = set('__%s__' % w for w in (
    'get set delete reversed missing reduce reduce_ex getinitargs getnewargs '
    'getstate setstate getformat class_getitem format subclasses dir copy '
    'deepcopy'.split()))

_unsupported_magics = set([
    '__getattr__', '__setattr__', '__init__', '__new__', '__prepare__',
    '__instancecheck__', '__subclasscheck__', '__del__',
])

_magics = set('__%s__' % w for w in
              ' '.join([_magic_words, _number_words, _in_place_words,
                        _right_words]).split())

_async_method_magics = set(['__aenter__', '__aexit__', '__anext__'])
_sync_async_magics = set(['__aiter__'])
_async_magics = _async_method_magics | _sync_async_magics
_all_sync_magics = _magics | _non_default_magics
_all_magics = _all_sync_magics | _async_magics


def _is_magic(name):
    return len(name) >= 4 and name.startswith('__') and name.endswith('__')


def _as_method(name, func):
    # A function for the class that passes the mock on as first argument.
    def method(self, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = name
    return method


# Return values the magic methods start with.
_fixed_returns = {
    '__lt__': NotImplemented, '__gt__': NotImplemented,
    '__le__': NotImplemented, '__ge__': NotImplemented,
    '__int__': 1, '__contains__': False, '__len__': 0, '__exit__': False,
    '__complex__': 1j, '__float__': 1.0, '__bool__': True, '__index__': 1,
    '__aexit__': False,
}


def _eq_effect(mock):
    def __eq__(other):
        configured = mock.__eq__.__dict__.get('_mock_return_value', DEFAULT)
        if configured is not DEFAULT:
            return configured
        if mock is other:
            return True
        return NotImplemented
    return __eq__


def _ne_effect(mock):
    def __ne__(other):
        if mock.__ne__.__dict__.get('_mock_return_value', DEFAULT) is not DEFAULT:
            return DEFAULT
        if mock is other:
            return False
        return NotImplemented
    return __ne__


def _iter_effect(mock):
    def __iter__():
        configured = mock.__iter__.__dict__.get('_mock_return_value', DEFAULT)
        if configured is DEFAULT:
            return iter([])
        return iter(configured)
    return __iter__


def _aiter_effect(mock):
    def __aiter__():
        configured = mock.__aiter__.__dict__.get('_mock_return_value', DEFAULT)
        if configured is DEFAULT:
            return _AsyncIterator(iter([]))
        return _AsyncIterator(iter(configured))
    return __aiter__


def _set_magic_default(parent, method, name):
    if name in _fixed_returns:
        method.return_value = _fixed_returns[name]
        return
    if name == '__hash__':
        method.return_value = object.__hash__(parent)
    elif name == '__str__':
        method.return_value = object.__str__(parent)
    elif name == '__sizeof__':
        method.return_value = object.__sizeof__(parent)
    elif name == '__fspath__':
        method.return_value = '%s/%s/%s' % (type(parent).__name__,
                                            _dotted_name(parent), id(parent))
    elif name == '__eq__':
        method.side_effect = _eq_effect(parent)
    elif name == '__ne__':
        method.side_effect = _ne_effect(parent)
    elif name == '__iter__':
        method.side_effect = _iter_effect(parent)
    elif name == '__aiter__':
        method.side_effect = _aiter_effect(parent)


class _MagicProxy(Base):
    """Stands on a MagicMock's class for one magic method until it is first
    used, then puts the real child mock there."""

    def __init__(self, name, parent):
        self.name = name
        self.parent = parent

    def create_mock(self):
        parent = self.parent
        method = parent._get_child_mock(name=self.name, _new_name=self.name,
                                        _new_parent=parent)
        setattr(parent, self.name, method)
        _set_magic_default(parent, method, self.name)
        return method

    def __get__(self, obj, _type=None):
        return self.create_mock()

    def __call__(self, *args, **kwargs):
        # Reached when the interpreter calls the class attribute directly
        # instead of going through __get__.
        return self.create_mock()(*args, **kwargs)


class MagicMixin(Base):

    def __init__(self, *args, **kw):
        self._mock_set_magics()
        super().__init__(*args, **kw)
        self._mock_set_magics()

    def _mock_set_magics(self):
        every = _magics | _async_method_magics
        wanted = every
        methods = self.__dict__.get('_mock_methods')
        if methods is not None:
            wanted = wanted.intersection(methods)
            for name in every - wanted:
                if name in type(self).__dict__:
                    delattr(type(self), name)
        own = type(self)
        ordered = sorted(wanted - set(own.__dict__))
        # __hash__ last: some interpreters drop an inherited hash when __eq__
        # is set on a class
        if '__hash__' in ordered:
            ordered.remove('__hash__')
            ordered.append('__hash__')
        for name in ordered:
            setattr(own, name, _MagicProxy(name, self))
        if '__eq__' in own.__dict__ and '__hash__' not in own.__dict__:
            own.__hash__ = _hash_by_identity


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A NonCallableMock with the magic methods configured."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class MagicMock(MagicMixin, Mock):
    """A Mock with the magic methods configured: len() gives 0, iter() an
    empty iterator, bool() True, int() 1, `in` False, `with` works; each is
    a child mock (m.__len__.return_value = 3) recorded in mock_calls."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class PropertyMock(Mock):
    """A mock to put on a class as a property: reading the attribute calls
    it with no arguments, setting it calls it with the value."""

    def _get_child_mock(self, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


# -- async -----------------------------------------------------------------------------

class _AsyncIterator(object):
    def __init__(self, iterator):
        self.iterator = iterator

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            return next(self.iterator)
        except StopIteration:
            pass
        raise StopAsyncIteration


class AsyncMockMixin(Base):

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state = self.__dict__
        state['_mock_await_count'] = 0
        state['_mock_await_args'] = None
        state['_mock_await_args_list'] = _CallList()
        state['_is_coroutine'] = True  # what asyncio's old check looked at

    def _get_await_count(self):
        return self._mock_await_count

    def _set_await_count(self, value):
        self.__dict__['_mock_await_count'] = value

    await_count = property(_get_await_count, _set_await_count)

    def _get_await_args(self):
        return self._mock_await_args

    def _set_await_args(self, value):
        self.__dict__['_mock_await_args'] = value

    await_args = property(_get_await_args, _set_await_args)

    def _get_await_args_list(self):
        return self._mock_await_args_list

    def _set_await_args_list(self, value):
        self.__dict__['_mock_await_args_list'] = value

    await_args_list = property(_get_await_args_list, _set_await_args_list)

    def _execute_mock_call(self, *args, **kwargs):
        this_call = _Call((args, kwargs), two=True)
        mock = self

        async def awaited():
            state = mock.__dict__
            state['_mock_await_count'] = state['_mock_await_count'] + 1
            state['_mock_await_args'] = this_call
            mock.await_args_list.append(this_call)
            effect = mock.side_effect
            if effect is not None:
                if _is_exception(effect):
                    raise effect
                if not _callable(effect):
                    try:
                        result = next(effect)
                    except StopIteration:
                        raise StopAsyncIteration
                    if _is_exception(result):
                        raise result
                elif inspect.iscoroutinefunction(effect):
                    result = await effect(*args, **kwargs)
                else:
                    result = effect(*args, **kwargs)
                if result is not DEFAULT:
                    return result
            if mock.__dict__.get('_mock_return_value', DEFAULT) is not DEFAULT:
                return mock.return_value
            if mock._mock_wraps is not None:
                if inspect.iscoroutinefunction(mock._mock_wraps):
                    return await mock._mock_wraps(*args, **kwargs)
                return mock._mock_wraps(*args, **kwargs)
            return mock.return_value

        return awaited()

    def _format_await_failure(self, args, kwargs):
        return self._format_mock_failure_message(args, kwargs, action='await')

    def assert_awaited(self):
        """Fail unless the mock was awaited at least once."""
        if self.await_count == 0:
            raise AssertionError('Expected %s to have been awaited.' % self._mock_label())

    def assert_awaited_once(self):
        """Fail unless the mock was awaited exactly once."""
        if self.await_count != 1:
            raise AssertionError('Expected %s to have been awaited once. Awaited %s times.'
                                 % (self._mock_label(), self.await_count))

    def assert_awaited_with(self, *args, **kwargs):
        """Fail unless the last await had these arguments."""
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('Expected await: %s\nNot awaited' % expected)
        if self.await_args != _Call((args, kwargs), two=True):
            raise AssertionError(self._format_await_failure(args, kwargs))

    def assert_awaited_once_with(self, *args, **kwargs):
        """Fail unless the mock was awaited once, with these arguments."""
        if self.await_count != 1:
            raise AssertionError('Expected %s to have been awaited once. Awaited %s times.'
                                 % (self._mock_label(), self.await_count))
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, *args, **kwargs):
        """Fail unless some await had these arguments."""
        expected = _Call((args, kwargs), two=True)
        if expected not in _AnyComparer(list(self.await_args_list)):
            raise AssertionError('%s await not found'
                                 % self._format_mock_call_signature(args, kwargs))

    def assert_has_awaits(self, calls, any_order=False):
        """Fail unless await_args_list holds these calls (in order, or in any
        order with any_order=True)."""
        expected = list(calls)
        recorded = _CallList(self.await_args_list)
        if not any_order:
            if expected not in recorded:
                raise AssertionError('Awaits not found.\nExpected: %s\nActual: %s'
                                     % (_CallList(calls), self.await_args_list))
            return
        remaining = list(recorded)
        missing = []
        for one in expected:
            try:
                remaining.remove(one)
            except ValueError:
                missing.append(one)
        if missing:
            raise AssertionError('%r not all found in await list' % (tuple(missing),))

    def assert_not_awaited(self):
        """Fail if the mock was awaited."""
        if self.await_count != 0:
            raise AssertionError('Expected %s to not have been awaited. Awaited %s times.'
                                 % (self._mock_label(), self.await_count))

    def reset_mock(self, *args, **kwargs):
        NonCallableMock.reset_mock(self, *args, **kwargs)
        state = self.__dict__
        state['_mock_await_count'] = 0
        state['_mock_await_args'] = None
        state['_mock_await_args_list'] = _CallList()


class AsyncMagicMixin(MagicMixin):
    pass


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A mock whose calls give coroutines: awaiting one runs side_effect
    (which may be an async function) and gives return_value.  Records
    await_count, await_args and await_args_list besides the calls."""


# -- seal --------------------------------------------------------------------------------

def seal(mock):
    """Stop mock (and the child mocks it already has) from creating new
    attributes: accessing an unknown one raises AttributeError."""
    mock._mock_sealed = True
    for name in dir(mock):
        try:
            child = getattr(mock, name)
        except AttributeError:
            continue
        if not _is_instance_mock(child):
            continue
        if child._mock_new_parent is mock:
            seal(child)


def create_autospec(spec, spec_set=False, instance=False, _parent=None,
                    _name=None, *, unsafe=False, **kwargs):
    """Approximation: a mock with spec (no signature checking in gilpy)."""
    if _is_list(spec):
        spec = type(spec)
    if isinstance(spec, type) and not instance:
        klass = MagicMock
    elif _callable(spec):
        klass = MagicMock
    else:
        klass = NonCallableMagicMock
    if _is_async_obj(spec):
        klass = AsyncMock
    if spec_set:
        kwargs['spec_set'] = spec
    else:
        kwargs['spec'] = spec
    if _name is not None:
        kwargs['name'] = _name
    return klass(parent=_parent, **kwargs)


# -- patch --------------------------------------------------------------------------------

def _dot_lookup(thing, comp, import_path):
    try:
        return getattr(thing, comp)
    except AttributeError:
        __import__(import_path)
        return getattr(thing, comp)


def _importer(target):
    parts = target.split('.')
    first = parts.pop(0)
    path = first
    thing = __import__(first)
    for comp in parts:
        path += '.%s' % comp
        thing = _dot_lookup(thing, comp, path)
    return thing


def _get_target(target):
    try:
        base, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError('Need a valid target to patch. You supplied: %r' % (target,))
    return (lambda: _importer(base)), attribute


class _patch(object):

    attribute_name = None
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set,
                 autospec, new_callable, kwargs, *, unsafe=False):
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError("Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers = []
        self.unsafe = unsafe
        self.is_local = False
        self.temp_original = None
        self.is_started = False

    def copy(self):
        twin = _patch(self.getter, self.attribute, self.new, self.spec,
                      self.create, self.spec_set, self.autospec,
                      self.new_callable, self.kwargs, unsafe=self.unsafe)
        twin.attribute_name = self.attribute_name
        twin.additional_patchers = [p.copy() for p in self.additional_patchers]
        return twin

    # -- as a decorator -------------------------------------------------------

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        if inspect.iscoroutinefunction(func):
            return self.decorate_async_callable(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass):
        for attr in dir(klass):
            if not attr.startswith(patch.TEST_PREFIX):
                continue
            value = getattr(klass, attr)
            if not callable(value):
                continue
            setattr(klass, attr, self.copy()(value))
        return klass

    @contextlib.contextmanager
    def decoration_helper(self, patched, args, keywargs):
        extra_args = []
        with contextlib.ExitStack() as stack:
            for patching in patched.patchings:
                value = stack.enter_context(patching)
                if patching.attribute_name is not None:
                    keywargs.update(value)
                elif patching.new is DEFAULT:
                    extra_args.append(value)
            yield (args + tuple(extra_args), keywargs)

    def decorate_callable(self, func):
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func

        @functools.wraps(func)
        def patched(*args, **keywargs):
            with self.decoration_helper(patched, args, keywargs) as (new_args, new_kw):
                return func(*new_args, **new_kw)

        patched.patchings = [self]
        return patched

    def decorate_async_callable(self, func):
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func

        @functools.wraps(func)
        async def patched(*args, **keywargs):
            with self.decoration_helper(patched, args, keywargs) as (new_args, new_kw):
                return await func(*new_args, **new_kw)

        patched.patchings = [self]
        return patched

    # -- as a context manager ----------------------------------------------------

    def get_original(self):
        target = self.getter()
        name = self.attribute
        original = DEFAULT
        local = False
        try:
            original = target.__dict__[name]
            local = True
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
        if name in _builtin_names and isinstance(target, types.ModuleType):
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError('%s does not have the attribute %r' % (target, name))
        return original, local

    def __enter__(self):
        """Put the replacement in place and give it back."""
        new, spec, spec_set = self.new, self.spec, self.spec_set
        autospec, kwargs = self.autospec, self.kwargs
        new_callable = self.new_callable
        self.target = self.getter()
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if ((spec is not None or autospec is not None) and
                spec_set not in (True, None)):
            raise TypeError("Can't provide explicit spec_set *and* spec or autospec")

        original, local = self.get_original()
        if autospec is not None:
            # no signature checking here: a spec'd mock stands in
            if autospec is True:
                spec = True
            else:
                spec = autospec
            autospec = None

        if new is DEFAULT:
            inherit = False
            if spec is True:
                spec = original
                if spec_set is True:
                    spec_set = original
                    spec = None
            elif spec is not None:
                if spec_set is True:
                    spec_set = spec
                    spec = None
            elif spec_set is True:
                spec_set = original

            if spec is not None or spec_set is not None:
                if original is DEFAULT:
                    raise TypeError("Can't use 'spec' with create=True")
                if isinstance(original, type):
                    inherit = True

            if spec is None and _is_async_obj(original):
                klass = AsyncMock
            else:
                klass = MagicMock
            extra = {}
            if new_callable is not None:
                klass = new_callable
            elif spec is not None or spec_set is not None:
                this_spec = spec_set if spec_set is not None else spec
                if _is_list(this_spec):
                    not_callable = '__call__' not in this_spec
                else:
                    not_callable = not callable(this_spec)
                if _is_async_func(this_spec):
                    klass = AsyncMock
                elif not_callable:
                    klass = NonCallableMagicMock

            if spec is not None:
                extra['spec'] = spec
            if spec_set is not None:
                extra['spec_set'] = spec_set
            if (isinstance(klass, type) and issubclass(klass, NonCallableMock)
                    and self.attribute):
                extra['name'] = self.attribute
            extra.update(kwargs)
            new = klass(**extra)

            if inherit and _is_instance_mock(new):
                # a spec'd class: its instances are spec'd too
                this_spec = spec_set if spec_set is not None else spec
                if not _is_list(this_spec) and not _instance_callable(this_spec):
                    klass = NonCallableMagicMock
                extra.pop('name', None)
                new.return_value = klass(_new_parent=new, _new_name='()', **extra)
        elif kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")

        self.temp_original = original
        self.is_local = local
        self._exit_stack = contextlib.ExitStack()
        self.is_started = True
        try:
            setattr(self.target, self.attribute, new)
            if self.attribute_name is not None:
                extra_args = {}
                if self.new is DEFAULT:
                    extra_args[self.attribute_name] = new
                for patching in self.additional_patchers:
                    value = self._exit_stack.enter_context(patching)
                    if patching.new is DEFAULT:
                        extra_args.update(value)
                return extra_args
            return new
        except:
            if not self.__exit__(*sys.exc_info()):
                raise

    def __exit__(self, *exc_info):
        """Put the original back."""
        if not self.is_started:
            return None
        if self.is_local and self.temp_original is not DEFAULT:
            setattr(self.target, self.attribute, self.temp_original)
        else:
            delattr(self.target, self.attribute)
            if not self.create and (not hasattr(self.target, self.attribute) or
                                    self.attribute in ('__doc__', '__module__',
                                                       '__defaults__', '__annotations__',
                                                       '__kwdefaults__')):
                # the attribute could not be deleted (a slot, a class attribute
                # seen from an instance...): set the old value again
                setattr(self.target, self.attribute, self.temp_original)
        stack = self._exit_stack
        del self.temp_original
        del self.is_local
        del self.target
        del self._exit_stack
        self.is_started = False
        return stack.__exit__(*exc_info)

    def start(self):
        """Activate the patch (as __enter__) and remember it for stopall."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self):
        """Undo a patch activated with start()."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            pass
        return self.__exit__(None, None, None)


def _instance_callable(obj):
    # whether instances of obj (a class) or obj itself could be called
    if not isinstance(obj, type):
        return callable(obj)
    for base in obj.__mro__:
        if base.__dict__.get('__call__') is not None:
            return True
    return False


_builtin_names = set(name for name in dir(builtins) if not name.startswith('_'))


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False,
                  spec_set=None, autospec=None, new_callable=None, *,
                  unsafe=False, **kwargs):
    """patch.object(target, 'name', ...): patch an attribute of an object
    given directly (not by its import path)."""
    if type(target) is str:
        raise TypeError('%r must be the actual object to be patched, not a str' % (target,))
    return _patch(lambda: target, attribute, new, spec, create, spec_set,
                  autospec, new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None,
                    autospec=None, new_callable=None, **kwargs):
    """patch.multiple(target, name1=value1, name2=DEFAULT, ...): several
    attributes at once; those given DEFAULT are passed (as keywords) to a
    decorated function, or returned in a dict by the context manager."""
    if type(target) is str:
        def getter():
            return _importer(target)
    else:
        def getter():
            return target
    if not kwargs:
        raise ValueError('Must supply at least one keyword argument with patch.multiple')
    pairs = list(kwargs.items())
    first = None
    for attribute, new in pairs:
        one = _patch(getter, attribute, new, spec, create, spec_set, autospec,
                     new_callable, {})
        one.attribute_name = attribute
        if first is None:
            first = one
        else:
            first.additional_patchers.append(one)
    return first


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None,
          autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """Replace the object named by target ('package.module.name') during a
    function (as a decorator), a with block, or between start() and stop().

    Without new, a MagicMock (AsyncMock for async functions) is created and
    passed to the decorated function as an extra argument (or returned by
    the with statement).  Extra keywords configure it (return_value=,
    side_effect=...)."""
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


class _patch_dict(object):
    """patch.dict(in_dict, values=(), clear=False, **kwargs): set keys of a
    dictionary (or the dictionary named by a string) for the duration of a
    test, restoring its whole former content afterwards."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if inspect.iscoroutinefunction(f):
            return self.decorate_async_callable(f)
        return self.decorate_callable(f)

    def decorate_callable(self, f):
        @functools.wraps(f)
        def _inner(*args, **kw):
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_async_callable(self, f):
        @functools.wraps(f)
        async def _inner(*args, **kw):
            self._patch_dict()
            try:
                return await f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_class(self, klass):
        for attr in dir(klass):
            value = getattr(klass, attr)
            if attr.startswith(patch.TEST_PREFIX) and callable(value):
                twin = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, attr, twin(value))
        return klass

    def __enter__(self):
        """Patch the dictionary and give it back."""
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _importer(self.in_dict)
        target = self.in_dict
        try:
            saved = target.copy()
        except AttributeError:
            saved = {}
            for key in target:
                saved[key] = target[key]
        self._original = saved
        if self.clear:
            _clear_dict(target)
        try:
            target.update(self.values)
        except AttributeError:
            for key in self.values:
                target[key] = self.values[key]

    def _unpatch_dict(self):
        target = self.in_dict
        saved = self._original
        _clear_dict(target)
        try:
            target.update(saved)
        except AttributeError:
            for key in saved:
                target[key] = saved[key]

    def __exit__(self, *args):
        """Restore the dictionary."""
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        """Activate the patch and remember it for patch.stopall."""
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        """Undo a patch activated with start()."""
        try:
            _patch._active_patches.remove(self)
        except ValueError:
            pass
        return self.__exit__(None, None, None)


def _clear_dict(in_dict):
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]


def _patch_stopall():
    """Stop every patch that was activated with start()."""
    for active in reversed(list(_patch._active_patches)):
        active.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'


# -- mock_open ----------------------------------------------------------------------------

_file_spec = [
    '__enter__', '__exit__', '__iter__', '__next__', '__hash__', '__eq__',
    '__ne__', '__str__', '__sizeof__', '__bool__',
    'buffer', 'close', 'closed', 'detach', 'encoding', 'errors', 'fileno',
    'flush', 'getbuffer', 'getvalue', 'isatty', 'line_buffering', 'mode',
    'name', 'newlines', 'read', 'read1', 'readable', 'readinto', 'readinto1',
    'readline', 'readlines', 'reconfigure', 'seek', 'seekable', 'tell',
    'truncate', 'writable', 'write', 'write_through', 'writelines',
]


def _to_stream(read_data):
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def mock_open(mock=None, read_data=''):
    """A mock to replace open(): the file handle it returns (also from
    `with`) reads read_data through read(), readline(), readlines() and
    iteration, and records write() calls.  Each call of open() starts
    reading from the beginning again."""
    state = {'stream': _to_stream(read_data), 'lines': None}

    def read_effect(*args, **kwargs):
        if handle.read.return_value is not None:
            return handle.read.return_value
        return state['stream'].read(*args, **kwargs)

    def readlines_effect(*args, **kwargs):
        if handle.readlines.return_value is not None:
            return handle.readlines.return_value
        return state['stream'].readlines(*args, **kwargs)

    def line_source():
        if handle.readline.return_value is not None:
            while True:
                yield handle.readline.return_value
        for line in state['stream']:
            yield line

    def readline_values():
        yield from line_source()
        while True:
            yield state['stream'].readline()

    def iter_effect():
        return line_source()

    def next_effect():
        if handle.readline.return_value is not None:
            return handle.readline.return_value
        return next(state['stream'])

    if mock is None:
        mock = MagicMock(name='open', spec=list(dir(open)))

    handle = MagicMock(spec=_file_spec)
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    handle.read.return_value = None
    handle.readline.return_value = None
    handle.readlines.return_value = None

    handle.read.side_effect = read_effect
    state['lines'] = readline_values()
    handle.readline.side_effect = state['lines']
    handle.readlines.side_effect = readlines_effect
    handle.__iter__.side_effect = iter_effect
    handle.__next__.side_effect = next_effect

    def reset_data(*args, **kwargs):
        state['stream'] = _to_stream(read_data)
        if handle.readline.side_effect is state['lines']:
            state['lines'] = readline_values()
            handle.readline.side_effect = state['lines']
        return DEFAULT

    mock.side_effect = reset_data
    mock.return_value = handle
    return mock
