"""Set handlers for asynchronous events (signals).

The handlers run in the main thread, between bytecodes, after the signal
arrived; SIGINT raises KeyboardInterrupt unless a handler was set.
"""

import _signal
from _signal import *

try:
    from enum import IntEnum as _IntEnum
except Exception:  # enum unavailable: plain ints
    _IntEnum = None

_names = [n for n in dir(_signal)
          if n.isupper() and n.startswith('SIG') and not n.startswith('SIG_')
          and n not in ('SIGIOT', 'SIGPOLL')]
_handler_names = ['SIG_DFL', 'SIG_IGN']
_mask_names = ['SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK']

if _IntEnum is not None:
    Signals = _IntEnum('Signals', sorted([(n, getattr(_signal, n)) for n in _names],
                                         key=lambda p: p[1]), module=__name__)
    Handlers = _IntEnum('Handlers', [(n, getattr(_signal, n)) for n in _handler_names],
                        module=__name__)
    Sigmasks = _IntEnum('Sigmasks', [(n, getattr(_signal, n)) for n in _mask_names],
                        module=__name__)
    for _n in _names + ['SIGIOT', 'SIGPOLL']:
        globals()[_n] = Signals(getattr(_signal, _n))
    for _n in _handler_names:
        globals()[_n] = Handlers[_n]
    for _n in _mask_names:
        globals()[_n] = Sigmasks[_n]

    def _int_to_enum(value, enum_klass):
        try:
            return enum_klass(value)
        except ValueError:
            return value
else:
    def _int_to_enum(value, enum_klass):
        return value

_n = None
del _n


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def _from_native(h):
    if h is None:
        return default_int_handler
    if _IntEnum is not None and type(h) is int:
        return _int_to_enum(h, Handlers)
    return h


def signal(signalnum, handler):
    return _from_native(_signal.signal(_enum_to_int(signalnum), _enum_to_int(handler)))


def getsignal(signalnum):
    return _from_native(_signal.getsignal(signalnum))


def strsignal(signalnum):
    return _signal.strsignal(signalnum)


def valid_signals():
    return {_int_to_enum(n, Signals) if _IntEnum is not None else n
            for n in range(1, NSIG) if n < 32 or n >= SIGRTMIN}
