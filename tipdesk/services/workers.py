"""Second processes that make or read items while this one writes (the demo's maker, an
import's reader): spawned, so they work the same on Windows and in the bundle
(``multiprocessing.freeze_support`` in ``cli.main``), handing items over a bounded queue.
"""

from __future__ import annotations

import gc
import multiprocessing
import queue
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tipdesk.domain import errors

# Errors a second process may meet in content its checks let through; the writing
# process turns them into its own refusal, so they cross over as themselves.
_PASSED_ON = {e.__name__: e for e in (KeyError, TypeError, ValueError, AttributeError,
                                      IndexError)}


@dataclass(frozen=True)
class Failed:
    """What stopped a second process: its error's class name and, for a refusal
    (``TipdeskError``), its parameters (which never hold personal data)."""

    name: str
    params: dict | None = None

    def error(self) -> BaseException:
        cls = getattr(errors, self.name, None)
        if (self.params is not None and isinstance(cls, type)
                and issubclass(cls, errors.TipdeskError)):
            return cls(**self.params)
        if self.name in _PASSED_ON:
            return _PASSED_ON[self.name](self.name)
        return RuntimeError(f"a second process failed: {self.name}")


def run_apart(target: Callable[..., None], args: tuple, *, name: str,
              here: Callable[[], Iterable], ahead: int = 3) -> Iterator[Any]:
    """The items ``target(*args, out)`` hands over (through :func:`serve`) in a spawned
    process, at most ``ahead`` of them waiting; its error raised here. If the process
    cannot start, or ends before handing over anything (a script without an ``if
    __name__ == "__main__"`` guard makes the child run the script instead), the items of
    ``here()`` instead: slower, the same items."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue(maxsize=ahead)
    process = ctx.Process(target=target, args=(*args, out), name=name, daemon=True)
    try:
        process.start()
    except (OSError, RuntimeError):
        yield from here()
        return
    received = 0
    try:
        while True:
            try:
                item = out.get(timeout=0.5)
            except queue.Empty:
                if process.is_alive():
                    continue
                try:        # it may have handed over its last items and ended meanwhile
                    item = out.get(timeout=1.0)
                except queue.Empty:
                    if received == 0:
                        yield from here()
                        return
                    raise RuntimeError(f"{name} stopped early") from None
            if item is None:
                break
            if isinstance(item, Failed):
                raise item.error()
            received += 1
            yield item
        process.join(timeout=10)
    finally:
        if process.is_alive():
            process.terminate()
            process.join()


def serve(out, items: Callable[[], Iterable]) -> None:
    """In the second process: every item onto ``out``, then None; or what failed.

    The collector is off: the items hold no cycles and are freed by reference counting,
    and full collections kept walking what was being made (see services/pauses.py).
    """
    gc.disable()
    try:
        for item in items():
            hand_over(out, item)
        hand_over(out, None)
    except SystemExit:
        raise
    except errors.TipdeskError as exc:
        hand_over(out, Failed(type(exc).__name__, exc.params))
    except BaseException as exc:  # reported to the writing process, which raises
        hand_over(out, Failed(type(exc).__name__))


def hand_over(out, item, *, wait: float = 1.0) -> None:
    """Put ``item`` on the queue ``out`` for the process that started this one; if that
    process has died meanwhile (killed, a power cut's worth of ``os._exit``), end this one
    instead of waiting for ever with what it holds in memory."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            out.put(item, timeout=wait)
            return
        except queue.Full:
            if parent is not None and not parent.is_alive():
                # Items still buffered for the pipe would keep the exit waiting for ever:
                # this process holds the pipe's reading end too, so it never breaks.
                out.cancel_join_thread()
                raise SystemExit(0) from None
