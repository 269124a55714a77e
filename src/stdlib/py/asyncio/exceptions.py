"""asyncio's exceptions."""

from asyncio.base_events import (
    CancelledError, InvalidStateError, TimeoutError, IncompleteReadError,
    LimitOverrunError, SendfileNotAvailableError, BrokenBarrierError,
)

__all__ = ('BrokenBarrierError', 'CancelledError', 'InvalidStateError',
           'TimeoutError', 'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError')
