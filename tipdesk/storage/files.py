"""Writing files safely: to a temporary name in the same folder, flushed, then renamed.

Every temporary file or folder TipDesk writes has a name made by :func:`temp_path`:
``.<final name>.<pid>-<random>.tipdesk-tmp`` beside the file it becomes. The ending says
whose it is, and the process id whether its writer may still be running, so
:func:`remove_leftovers` can delete those a killed process left behind (those whose
writer is gone and that are older than the running process) without touching anything
else in the folder: not the files of other programs, not SQLite's ``-journal`` and
``-wal`` files of a database (only those of one of our own temporary databases, named
after it), not a file another TipDesk process is still writing.

:func:`atomic_file` cleans the folder it writes to that way first, so the next export,
backup, report or letter saved to a folder removes what an interrupted one left there;
opening a register cleans the register's folders (``services.register``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

# About when this process started (this module is loaded as it starts, and nothing writes
# a temporary name without it): a leftover older than this is not one it is writing.
PROCESS_STARTED = time.time()

TEMP_SUFFIX = ".tipdesk-tmp"
# Ours and nothing else's: what temp_path makes, and SQLite's files beside one of our
# temporary databases (named after it, so theirs only while that database is ours).
_TEMP_NAME = re.compile(
    r"^\..+\.(?P<pid>[1-9][0-9]{0,9})-[0-9a-f]{12}"
    + re.escape(TEMP_SUFFIX)
    + r"(?:-journal|-wal|-shm)?$",
    re.DOTALL,
)


def temp_path(path: Path) -> Path:
    """A fresh temporary name beside ``path`` (see the module's docstring)."""
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}")


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is one :func:`temp_path` makes (or a SQLite file beside one)."""
    return _TEMP_NAME.match(name) is not None


def writer_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (True when there is no way to tell: keep its file)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # someone else's process, or no way to tell: leave its file alone
    return True


def _windows_process_alive(pid: int) -> bool:
    # Not os.kill(pid, 0) there: that sends Ctrl+C to a console group, or ends a process.
    if sys.platform != "win32":  # asked only on Windows; this also tells mypy WinDLL is there
        return True  # no way to tell here: keep its file
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    query_limited_information, still_active, invalid_parameter = 0x1000, 259, 87
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        # No such process; any other refusal (access denied) means one is there.
        return ctypes.get_last_error() != invalid_parameter
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _newest_mtime(entry: os.DirEntry) -> float:
    """When ``entry`` last changed: for a folder, the newest change of anything in it."""
    newest = entry.stat(follow_symlinks=False).st_mtime
    if entry.is_dir(follow_symlinks=False):
        for root, dirs, names in os.walk(entry.path):
            for name in dirs + names:
                with contextlib.suppress(OSError):
                    newest = max(newest, os.lstat(os.path.join(root, name)).st_mtime)
    return newest


def remove_leftovers(folder: Path, *, started: float | None = None) -> list[str]:
    """Delete the temporary files (and temporary folders: a register being created or
    restored) a killed TipDesk left in ``folder`` (not below it): those whose writer is
    no longer running and that are older than ``started`` (this process's start, by
    default). Returns the names removed (a final file's name, a number and random
    letters: as personal as the final name was)."""
    started = PROCESS_STARTED if started is None else started
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:  # gone, not a folder, not readable: nothing of ours to remove
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        try:
            if _newest_mtime(entry) >= started or writer_alive(int(match["pid"])):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
                if os.path.lexists(entry.path):
                    continue
            else:
                os.unlink(entry.path)
        except OSError:
            continue
        removed.append(entry.name)
    return removed


def clean_folder(folder: Path, what: str, *, started: float | None = None) -> int:
    """:func:`remove_leftovers` in ``folder``, saying in the log how many it removed.
    ``what`` names the folder there (never its path, which can hold a person's name,
    nor the names removed)."""
    removed = len(remove_leftovers(folder, started=started))
    if removed:
        log.info("removed %d temporary file(s) an interrupted TipDesk left in %s", removed, what)
    return removed


def temp_folder(kind: str) -> Path:
    """A new private folder in the system's temporary folder for throwaway work (a demo
    register, the self-test, the bench), named like any temporary file of ours; the
    leftovers of killed earlier runs there are removed first. The caller removes it."""
    base = Path(tempfile.gettempdir())
    clean_folder(base, "the system's temporary folder")
    folder = temp_path(base / f"tipdesk-{kind}")
    folder.mkdir(mode=0o700)
    return folder


@contextlib.contextmanager
def temporary_folder(kind: str) -> Iterator[Path]:
    """:func:`temp_folder`, removed with all it holds at the end of the ``with``."""
    folder = temp_folder(kind)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# The endings the log may name (a file name the user chose can hold a person's name).
_KINDS = frozenset(
    {
        ".pdf",
        ".csv",
        ".xlsx",
        ".json",
        ".keys",
        ".db",
        ".tipbackup",
        ".tipbatch",
        ".tipkey",
        ".tipdocs",
        ".zip",
    }
)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new, never half."""
    with atomic_file(path) as handle:
        handle.write(data)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file written through the handle this yields: to a temporary name beside ``path``,
    flushed, then renamed (and the folder synced); on any failure the temporary file is
    removed and ``path`` is untouched. For files too large to hold in memory.

    The leftovers of interrupted writes in that folder are removed first."""
    path = Path(path)
    kind = path.suffix.lower() if path.suffix.lower() in _KINDS else "file"
    clean_folder(path.parent, f"the folder a {kind} was being written to")
    tmp = temp_path(path)
    try:
        with open(tmp, "xb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)
