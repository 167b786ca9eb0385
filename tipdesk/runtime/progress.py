"""The one shape of progress and cancellation for long work.

A service that takes a while accepts ``progress(done, total)`` (``total <= 0``: how much
is left is not known) and ``cancelled()``, asked between steps; when it answers True the
service stops with :class:`~tipdesk.domain.errors.Cancelled` before writing anything, or
rolls back what it began. The desktop app passes its operation's callables, the command
line its own (see ``tipdesk/ui/operations.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from tipdesk.domain.errors import Cancelled

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def stop_if_cancelled(cancelled: CancelCheck | None) -> None:
    """Raise :class:`Cancelled` if the caller asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled()
