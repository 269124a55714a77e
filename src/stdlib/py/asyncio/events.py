"""asyncio.events: the names live in asyncio.base_events."""

from asyncio.base_events import *  # noqa: F401,F403
from asyncio.base_events import _get_running_loop, _set_running_loop  # noqa: F401
