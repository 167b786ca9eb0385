"""Second processes that make or read items while this one writes (the demo's maker, an
import's reader): spawned, so they work the same on Windows and in the bundle
(``multiprocessing.freeze_support`` in ``cli.main``), handing items over a one-way pipe.

Once the second process runs, each end of the pipe is held by one process only, so when
either process ends, even killed, the other one learns it at once: the writer's next
send fails, the reader's next receive reports the end of the pipe (a
``multiprocessing.Queue`` keeps both ends in both processes, and a reader whose writer
was killed half-way through an item waits for the rest of it for ever). Until the second
process has taken its end (on Windows, a copy stays with this process until then), the
reader also watches the process itself.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from tipdesk.domain import errors
from tipdesk.runtime.ahead import read_ahead

# Errors a second process may meet in content its checks let through; the writing
# process turns them into its own refusal, so they cross over as themselves.
_PASSED_ON = {e.__name__: e for e in (KeyError, TypeError, ValueError, AttributeError, IndexError)}


@dataclass(frozen=True)
class Failed:
    """What stopped a second process: its error's class name and, for a refusal
    (``TipdeskError``), its parameters (which never hold personal data)."""

    name: str
    params: dict | None = None

    def error(self) -> BaseException:
        cls = getattr(errors, self.name, None)
        if (
            self.params is not None
            and isinstance(cls, type)
            and issubclass(cls, errors.TipdeskError)
        ):
            return cls(**self.params)
        if self.name in _PASSED_ON:
            return _PASSED_ON[self.name](self.name)
        return RuntimeError(f"a second process failed: {self.name}")


@dataclass(frozen=True)
class Outlet:
    """What a second process hands its items over through (see :func:`serve`): the
    writing end of the pipe, and how many items it may make ahead of the reader."""

    connection: Any
    ahead: int


def run_apart(
    target: Callable[..., None],
    args: tuple,
    *,
    name: str,
    here: Callable[[], Iterable],
    ahead: int = 3,
) -> Generator[Any, None, None]:
    """The items ``target(*args, outlet)`` hands over (through :func:`serve`) in a
    spawned process, which makes them about ``ahead`` ahead of this one (that many
    made and waiting, one being sent, one being made); its error raised here, and
    ``HelperStopped`` if it ends (killed, out of memory) before its last item. If the
    process cannot start, or ends before handing over anything (a script without an ``if
    __name__ == "__main__"`` guard makes the child run the script instead), the items of
    ``here()`` instead: slower, the same items."""
    ctx = multiprocessing.get_context("spawn")
    reader, writer = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=target, args=(*args, Outlet(writer, ahead)), name=name, daemon=True
    )
    try:
        try:
            process.start()
        except (OSError, RuntimeError):
            yield from here()
            return
        finally:
            writer.close()  # the child's copy is now the only writing end
        received = 0
        while True:
            try:
                item = _receive(reader, process)
            except (EOFError, OSError):  # the pipe ended: the process did
                if received == 0:
                    yield from here()
                    return
                raise errors.HelperStopped() from None
            if item is None:
                break
            if isinstance(item, Failed):
                raise item.error()
            received += 1
            yield item
        process.join(timeout=10)
    finally:
        reader.close()
        if process.is_alive():
            process.terminate()
        if process.pid is not None:
            process.join()


def _receive(reader, process) -> Any:
    """The next item from ``reader``; EOFError if ``process`` has ended with none left."""
    while True:
        ready = wait([reader, process.sentinel])
        if reader in ready or reader.poll(0):
            return reader.recv()
        if not process.is_alive():  # ended before taking its end of the pipe (Windows)
            raise EOFError()


class _Gone(Exception):
    """The process that reads the items has ended."""


def _send(connection, item: Any) -> None:
    try:
        connection.send(item)
    except OSError:  # the reader has ended: nobody to send to
        raise _Gone() from None


def serve(out: Outlet, items: Callable[[], Iterable]) -> None:
    """In the second process: every item onto ``out``, then None; or what failed. The
    items are made by a thread (``ahead.read_ahead``) while this one sends, so making
    goes on while the pipe is full. If the process that reads them has ended (killed, a
    power cut's worth of ``os._exit``), end this one instead of making items for nobody.

    The collector is off: the items hold no cycles and are freed by reference counting,
    and full collections kept walking what was being made (see runtime/pauses.py).
    """
    gc.disable()
    connection = out.connection
    try:
        try:
            for item in read_ahead(iter(items()), out.ahead, name="tipdesk-make"):
                _send(connection, item)
            _send(connection, None)
        except errors.TipdeskError as exc:
            _send(connection, Failed(type(exc).__name__, exc.params))
        except (_Gone, SystemExit):
            raise
        except BaseException as exc:  # reported to the writing process, which raises
            _send(connection, Failed(type(exc).__name__))
    except _Gone:
        return
    finally:
        connection.close()
