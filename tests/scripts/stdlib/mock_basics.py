# unittest.mock: Mock/MagicMock basics, calls, assertions, reprs
import re
from unittest import mock
from unittest.mock import (Mock, MagicMock, NonCallableMock, PropertyMock,
                           AsyncMock, sentinel, ANY, call, DEFAULT)


def clean(x):
    return re.sub(r"id='\d+'", "id='ID'", str(x))


def show(*items):
    print(*[clean(x) for x in items])


def fails(func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except (AssertionError, AttributeError, TypeError, ValueError, KeyError) as e:
        print('%s: %s' % (type(e).__name__, clean(e)))
    else:
        print('no error')


# reprs and names
m = Mock()
show(repr(m), repr(m.method), repr(m.method()), repr(m().attr.x()))
show(repr(Mock(name='foo').bar), repr(MagicMock(name='db').cursor()))
show(repr(Mock(spec=dict)), repr(MagicMock(spec_set=list)), repr(NonCallableMock()))

# return_value / side_effect
m = Mock(return_value=42)
print(m(), m(1, 2), m.call_count, m.called)
m.side_effect = [1, 2, ValueError('boom')]
print(m(), m())
fails(m)
m.side_effect = KeyError
fails(m)
m.side_effect = KeyError('k')
fails(m)
m.side_effect = lambda x: x * 2
print(m(21))
m.side_effect = lambda x: DEFAULT
print(m(1))
m.side_effect = None
print(m())
it = Mock(side_effect=[1])
it()
try:
    it()
except StopIteration:
    print('StopIteration')

# call_args & co
m = Mock()
m(1, b=2)
m.a.b(3)
m().c(4)
print(m.call_args, m.call_args.args, m.call_args.kwargs)
print(m.call_args == call(1, b=2), m.call_args == ((1,), {'b': 2}))
print(m.call_args_list)
print(m.method_calls)
print(m.mock_calls)
print(m.a.b.call_args_list, m.a.b.call_args[0], m.a.b.call_args[1])
print(m.mock_calls == [call(1, b=2), call.a.b(3), call(), call().c(4)])
print(call(1).foo(2).call_list())
print(call, call.foo, call(1).foo, call.x.y(3, k=4))
print(call(1, ANY) == call(1, 'whatever'), call(ANY) == call(1, 2))

# assertions
m = Mock()
m.run(1)
m.stop(2, force=True)
m.run.assert_called_once_with(1)
m.run.assert_called_with(1)
m.stop.assert_called_with(2, force=ANY)
m.assert_has_calls([call.run(1), call.stop(2, force=True)])
m.assert_has_calls([call.stop(2, force=True), call.run(1)], any_order=True)
m.run.assert_any_call(1)
m.stop.assert_called()
m.other.assert_not_called()
fails(m.run.assert_called_with, 2)
fails(m.nothing.assert_called_with, 2)
fails(m.run.assert_not_called)
fails(m.nothing.assert_called)
fails(m.nothing.assert_called_once)
m.run(5)
fails(m.run.assert_called_once)
fails(m.run.assert_called_once_with, 5)
fails(m.run.assert_any_call, 9)
fails(m.assert_has_calls, [call.run(5), call.run(1)])
fails(m.assert_has_calls, [call.run(7)], any_order=True)
fails(getattr, m, 'assert_called_twice')
fails(getattr, m, 'called_once_with')
fails(Mock(name='named').assert_called_once_with, 1)

# spec and spec_set
class Target:
    x = 1

    def method(self, a):
        return a

s = Mock(spec=Target)
print(isinstance(s.method, Mock))
fails(getattr, s, 'nope')
s.other = 3
print(s.other)
ss = Mock(spec_set=['a', 'b'])
ss.a = 1
fails(setattr, ss, 'c', 1)
fails(getattr, ss, 'c')

# wraps
class Real:
    def twice(self, x):
        return 2 * x

w = Mock(wraps=Real())
print(w.twice(4), w.twice.call_args)

# configure_mock, attributes in the constructor
m = Mock(**{'method.return_value': 3, 'other.side_effect': KeyError, 'attr': 'v'})
print(m.method(), m.attr)
fails(m.other)
m.configure_mock(**{'a.b.c.return_value': 'deep'})
print(m.a.b.c())

# reset_mock
m = Mock(return_value=5)
m(1)
m.child(2)
m.reset_mock()
print(m.called, m.call_count, m.call_args, m.mock_calls, m.child.called, m())
m.reset_mock(return_value=True)
show(m())

# attach_mock / manager pattern
manager = Mock()
first, second = Mock(), Mock()
manager.attach_mock(first, 'first')
manager.second = second
first(1)
second.go(2)
print(manager.mock_calls)
print(manager.method_calls)

# deleting attributes
m = Mock()
del m.gone
fails(getattr, m, 'gone')
print(hasattr(m, 'there'))

# MagicMock
mm = MagicMock()
print(len(mm), bool(mm), int(mm), float(mm), 5 in mm, list(iter(mm)), hash(mm) == hash(mm))
show(str(mm), mm[0], mm['k'])
mm.__len__.return_value = 3
mm.__iter__.return_value = [1, 2]
mm.__contains__.return_value = True
mm.__getitem__.side_effect = lambda k: k * 10
mm.__bool__.return_value = False
mm.__int__.return_value = 7
mm.__str__.return_value = 'custom'
print(len(mm), list(iter(mm)), 9 in mm, mm[4], bool(mm), int(mm), str(mm))
mm[1] = 2
del mm[1]
with mm as ctx:
    show(ctx)
mm.__enter__.return_value = 'entered'
with mm as ctx:
    print(ctx)
print(mm == mm, mm == 3)
mm.__eq__.return_value = True
print(mm == 3)
mm.__lt__.return_value = True
print(mm < 1)
print(mm.__setitem__.call_args, mm.__delitem__.call_args, mm.__exit__.call_args)
mm2 = MagicMock()
mm2.__len__ = lambda self: 11
print(len(mm2))
mm3 = MagicMock(spec=['__len__'])
print(len(mm3))
fails(iter, mm3)

# PropertyMock
class Thing:
    pass

prop = PropertyMock(return_value='value')
type_thing = Thing
type_thing.attr = prop
t = Thing()
print(t.attr)
t.attr = 'new'
print(prop.mock_calls)
del Thing.attr

# sentinel, ANY
print(sentinel.token, sentinel.token is sentinel.token, sentinel.a is sentinel.b, ANY)
print(ANY == 1, 'x' == ANY, [1, ANY] == [1, 'z'])

# NonCallableMock
n = NonCallableMock()
fails(n)
show(n.attr, n.meth())

# AsyncMock
import asyncio
am = AsyncMock(return_value=5)


async def main():
    value = await am(1, x=2)
    print('awaited', value)
    am.side_effect = [10, 20]
    print(await am(), await am())
    am.side_effect = ValueError('async boom')
    try:
        await am()
    except ValueError as e:
        print('raised', e)

    async def effect(v):
        return v + 1
    am.side_effect = effect
    print(await am(1))

asyncio.run(main())
print(am.await_count, am.call_count, am.await_args, am.await_args_list)
am.assert_awaited()
am.assert_any_await(1, x=2)
am.assert_awaited_with(1)
fails(am.assert_awaited_once)
fails(am.assert_not_awaited)
fails(am.assert_awaited_with, 99)
am.reset_mock()
print(am.await_count)
fails(am.assert_awaited)
fails(am.assert_awaited_with, 1)
print(type(AsyncMock().method).__name__)
print(mock.FILTER_DIR, 'DEFAULT' in mock.__all__, repr(DEFAULT))
