# unittest.mock.patch: decorator, context manager, object/dict/multiple, start/stop, mock_open
import os
import re
import sys
import asyncio
import unittest
from unittest import mock
from unittest.mock import patch, MagicMock, Mock, AsyncMock, NonCallableMagicMock, mock_open, call, DEFAULT, sentinel

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mockpatch_target as target


def clean(x):
    return re.sub(r"id='\d+'", "id='ID'", str(x))


# as a context manager
with patch('_mockpatch_target.helper') as fake:
    fake.return_value = 'fake'
    print(target.uses_helper(1), clean(repr(fake)), type(fake).__name__)
    fake.assert_called_once_with(1)
print(target.uses_helper(2))

with patch('_mockpatch_target.VALUE', 'patched'):
    print(target.VALUE)
print(target.VALUE)

with patch('_mockpatch_target.helper', return_value=7) as fake:
    print(target.uses_helper(0))
with patch('_mockpatch_target.helper', side_effect=ValueError('nope')):
    try:
        target.uses_helper(0)
    except ValueError as e:
        print('raised', e)
with patch('_mockpatch_target.helper', new_callable=Mock) as fake:
    print(type(fake).__name__)
with patch('_mockpatch_target.os.getcwd', return_value='/fake/dir'):
    print(target.current_dir())
print(target.current_dir() == os.getcwd())

# as a decorator: mocks come in bottom-up order
@patch('_mockpatch_target.VALUE', 'decorated')
@patch('_mockpatch_target.helper')
@patch.object(target.Service, 'fetch')
def decorated(extra, fetch_mock, helper_mock):
    fetch_mock.return_value = 'fake fetch'
    helper_mock.return_value = 'fake helper'
    print(target.Service().fetch('k'), target.uses_helper(3), target.VALUE, extra)
    print(fetch_mock.call_args, helper_mock.call_args)
    return 'result'

print(decorated('extra'), decorated.__name__)
print(target.Service().fetch('k'), target.VALUE)

# patch.object with an attribute that is a plain value, on a class and an instance
with patch.object(target.Service, 'limit', 99):
    print(target.Service.limit, target.Service().limit)
print(target.Service.limit)
svc = target.Service()
with patch.object(svc, 'fetch', return_value='instance fake') as m:
    print(svc.fetch('x'), target.Service().fetch('y'))
print(svc.fetch('z'), 'fetch' in svc.__dict__)
with patch.object(target.Service, 'version', return_value='9.9'):
    print(target.Service.version())
print(target.Service.version())

# create=True, missing attributes
try:
    with patch('_mockpatch_target.missing'):
        pass
except AttributeError as e:
    print('AttributeError:', e.args[0].split(' does not')[0].startswith('<module'), 'does not have' in str(e))
with patch('_mockpatch_target.missing', create=True, new='made'):
    print(target.missing)
print(hasattr(target, 'missing'))

# bad targets
for bad in ('nodots', 5):
    try:
        patch(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    patch.object('_mockpatch_target', 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    patch('_mockpatch_target.helper', new=1, new_callable=Mock)
except ValueError as e:
    print('ValueError:', e)

# spec
with patch('_mockpatch_target.Service', spec=True) as cls:
    inst = target.Service()
    print(type(cls).__name__, type(inst).__name__, inst is cls.return_value)
    inst.fetch('q')
    try:
        inst.unknown
    except AttributeError as e:
        print('AttributeError:', e)
with patch('_mockpatch_target.VALUE', spec=True) as v:
    print(type(v).__name__)

# patch.dict
with patch.dict(target.CONFIG, {'debug': True}, extra=1) as d:
    print(sorted(target.CONFIG.items()), d is target.CONFIG)
print(sorted(target.CONFIG.items()))
with patch.dict('_mockpatch_target.CONFIG', clear=True):
    print(target.CONFIG)
print(sorted(target.CONFIG.items()))
with patch.dict(os.environ, {'MOCK_PATCH_VAR': 'set'}):
    print(os.environ.get('MOCK_PATCH_VAR'))
print(os.environ.get('MOCK_PATCH_VAR'))


@patch.dict(target.CONFIG, level=5)
def dict_decorated():
    return target.CONFIG['level']

print(dict_decorated(), target.CONFIG['level'])

# patch.multiple
with patch.multiple('_mockpatch_target', VALUE='multi', helper=DEFAULT) as values:
    print(target.VALUE, sorted(values), clean(values['helper']))
print(target.VALUE)


@patch.multiple(target, helper=DEFAULT, current_dir=DEFAULT)
def multi_decorated(helper, current_dir):
    current_dir.return_value = '/m'
    return target.current_dir(), type(helper).__name__

print(multi_decorated())

# start / stop / stopall
p1 = patch('_mockpatch_target.VALUE', 'started')
p2 = patch.object(target, 'helper', return_value='started helper')
p3 = patch.dict(target.CONFIG, debug='started')
p1.start()
started = p2.start()
p3.start()
print(target.VALUE, target.uses_helper(1), target.CONFIG['debug'], started is target.helper)
p1.stop()
print(target.VALUE, target.uses_helper(1))
patch.stopall()
print(target.VALUE, target.uses_helper(1), target.CONFIG['debug'])

# async function targets get an AsyncMock
with patch('_mockpatch_target.remote') as r:
    r.return_value = 'fake remote'
    print(type(r).__name__, asyncio.run(target.remote(1)))
    r.assert_awaited_once_with(1)

# class decorator: only test* methods are patched
@patch('_mockpatch_target.VALUE', 'class-patched')
class Case(unittest.TestCase):
    def test_value(self):
        self.assertEqual(target.VALUE, 'class-patched')

    def helper_method(self):
        return target.VALUE

c = Case('test_value')
c.test_value()
print(c.helper_method())


# patching inside a TestCase
class PatchCase(unittest.TestCase):
    def setUp(self):
        patcher = patch('_mockpatch_target.helper', return_value='setup')
        self.helper = patcher.start()
        self.addCleanup(patcher.stop)

    def test_uses(self):
        self.assertEqual(target.uses_helper(1), 'setup')
        self.helper.assert_called_once_with(1)

    @patch('_mockpatch_target.VALUE', 'in test')
    def test_value(self):
        self.assertEqual(target.VALUE, 'in test')

    def test_fail(self):
        self.helper.assert_called_once_with(2)

result = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromTestCase(PatchCase).run(result)
print(result.testsRun, len(result.failures), len(result.errors))
print(result.failures[0][1].strip().splitlines()[-1])
print(target.uses_helper(3))

# mock_open
m = mock_open(read_data='line 1\nline 2\nline 3\n')
with patch('builtins.open', m):
    with open('somefile.txt') as fh:
        print(repr(fh.read()))
    with open('somefile.txt') as fh:
        print(repr(fh.readline()), repr(fh.readline()))
        print(fh.readlines())
    with open('somefile.txt') as fh:
        print([line for line in fh])
    with open('out.txt', 'w') as fh:
        fh.write('hello')
        fh.write('world')
m.assert_any_call('out.txt', 'w')
handle = m()
print(handle.write.call_args_list)
print(clean(repr(m)), clean(repr(handle)))
print(m.mock_calls[:4])
m2 = mock_open(read_data=b'\x00\x01')
with patch('builtins.open', m2):
    with open('bin', 'rb') as fh:
        print(fh.read())
m3 = mock_open()
with patch('builtins.open', m3):
    open('x').read()
print(m3.call_count)
