"""asyncio: coroutines on an event loop (gilpy's selector loop)."""

from asyncio.base_events import (
    CancelledError, InvalidStateError, TimeoutError, IncompleteReadError,
    LimitOverrunError, SendfileNotAvailableError, BrokenBarrierError,
    get_running_loop, get_event_loop, set_event_loop, new_event_loop,
    _get_running_loop, _set_running_loop,
    Handle, TimerHandle, SelectorEventLoop, Future, Task, isfuture,
    wrap_future, iscoroutine, iscoroutinefunction, current_task, all_tasks,
    create_task, ensure_future, sleep, gather, wait, wait_for, as_completed,
    shield, run_coroutine_threadsafe, to_thread,
    FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
)
from asyncio.locks import (
    Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier,
)
from asyncio.queues import Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull
from asyncio.timeouts import Timeout, timeout, timeout_at
from asyncio.taskgroups import TaskGroup
from asyncio.subprocess import create_subprocess_exec, create_subprocess_shell
from asyncio.runners import Runner, run
from asyncio.streams import (
    StreamReader, StreamWriter, open_connection, start_server, Server,
)

AbstractEventLoop = SelectorEventLoop
BaseEventLoop = SelectorEventLoop
EventLoop = SelectorEventLoop
