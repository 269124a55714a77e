"""asyncio.TaskGroup: run tasks together, fail together (Python 3.11).

`async with TaskGroup() as tg:` lets the block start tasks with
`tg.create_task()`; leaving the block waits for all of them. When a task
fails (with anything but CancelledError) the group cancels every other task
and the task running the block, then raises the errors collected as one
BaseExceptionGroup (an ExceptionGroup when they are all Exceptions).
KeyboardInterrupt and SystemExit are raised alone, not in a group.
"""

from asyncio.base_events import CancelledError, current_task, get_running_loop

__all__ = ('TaskGroup',)


def _fatal(exc):
    # The errors a group re-raises as they are, never wrapped in a group.
    return isinstance(exc, (KeyboardInterrupt, SystemExit))


class TaskGroup:
    """An asynchronous context manager holding a group of tasks."""

    def __init__(self):
        self._loop = None
        self._parent_task = None
        self._entered = False
        self._exiting = False
        self._aborting = False
        # Set when a failing child cancelled the parent task: the group
        # takes that cancellation back when the block exits.
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._all_done = None

    def __repr__(self):
        parts = ['']
        if self._tasks:
            parts.append(f'tasks={len(self._tasks)}')
        if self._errors:
            parts.append(f'errors={len(self._errors)}')
        if self._aborting:
            parts.append('cancelling')
        elif self._entered:
            parts.append('entered')
        return f'<TaskGroup{" ".join(parts)}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has already been entered')
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(
                f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        cancelled = None    # a CancelledError to raise after the wait

        if exc is not None and _fatal(exc) and self._base_error is None:
            self._base_error = exc

        if et is not None:
            if et is CancelledError:
                # Our own cancellation of the parent (a child failed) is
                # taken back; any other one is passed on.
                if not (self._parent_cancel_requested
                        and not self._parent_task.uncancel()):
                    cancelled = exc
            if not self._aborting:
                self._abort()

        # Wait for every task; the wait can be cancelled more than once.
        while self._tasks:
            if self._all_done is None:
                self._all_done = self._loop.create_future()
            try:
                await self._all_done
            except CancelledError as e:
                if not self._aborting:
                    cancelled = e
                    self._abort()
            self._all_done = None

        if self._base_error is not None:
            raise self._base_error

        # The errors of the tasks take precedence over a cancellation.
        if cancelled is not None and not self._errors:
            raise cancelled

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            errors = self._errors
            self._errors = None
            try:
                raise BaseExceptionGroup(
                    'unhandled errors in a TaskGroup', errors) from None
            finally:
                errors = None

    def create_task(self, coro, *, name=None, context=None):
        """Start a task in the group; the group waits for it on exit."""
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    def _abort(self):
        self._aborting = True
        for task in self._tasks:
            if not task.done():
                task.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if (not self._tasks and self._all_done is not None
                and not self._all_done.done()):
            self._all_done.set_result(True)

        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _fatal(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            # Nothing left to cancel: report the error to the loop.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return

        if not self._aborting and not self._parent_cancel_requested:
            # First failure: stop the other tasks, and interrupt the block
            # of the parent if it is still running (awaiting something).
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
