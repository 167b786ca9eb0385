"""A generator run by a worker thread, a few items ahead of the one using them.

An export reads its rows through SQLite on the worker while the caller deflates, hashes
and encrypts the pieces already read; both let go of Python's lock while they work, so
the two overlap, and the bounded queue keeps only a few pieces in memory.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def read_ahead(
    items: Iterator[T],
    depth: int = 3,
    *,
    name: str = "tipdesk-ahead",
    on_stop: Callable[[], None] | None = None,
) -> Iterator[T]:
    """Yield the items of ``items`` (a generator), made by a worker thread up to ``depth``
    ahead. An exception in the worker is raised here, where its item would have been.
    Closing this generator early (an error or a cancel in the caller) calls ``on_stop``
    (say, to interrupt a long query), stops the worker, closes ``items`` on the worker's
    thread and waits for it: no thread outlives the call."""
    out: queue.Queue = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                out.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as exc:  # handed to the caller, which raises it
            put(_Failed(exc))
            return
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()
        put(_DONE)

    worker = threading.Thread(target=work, name=name, daemon=True)
    worker.start()
    finished = False  # the worker said it is done (or failed): nothing to stop
    try:
        while True:
            item = out.get()
            if item is _DONE:
                finished = True
                return
            if isinstance(item, _Failed):
                finished = True
                raise item.error
            yield item
    finally:
        try:
            if not finished:
                stop.set()
                if on_stop is not None:
                    on_stop()
        finally:
            worker.join()
