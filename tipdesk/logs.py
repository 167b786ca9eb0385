"""The log file: errors and events, never personal data (no names, NIKs or free text).

Code logs the exception type and stack frames only; messages can quote what a user typed.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from tipdesk import paths

log = logging.getLogger("tipdesk")


def setup_logging() -> Path | None:
    """Send the ``tipdesk`` logger to the user's log file (once); its path, or None."""
    path = paths.log_file()
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class _Stderr(logging.Handler):
    """Warnings for the person at the command line, on whatever ``sys.stderr`` is now."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(f"tipdesk: {record.getMessage()}\n")
        except Exception:  # (a closed pipe: the log file has it)
            self.handleError(record)


def setup_command_line_logging() -> Path | None:
    """The log file, and warnings (a re-key finished or rolled back, leftovers removed:
    never personal data) also on standard error; the log file's path, or None."""
    path = setup_logging()
    if not any(isinstance(h, _Stderr) for h in log.handlers):
        handler = _Stderr(logging.WARNING)
        log.addHandler(handler)
    return path


def frames(exc: BaseException) -> str:
    """Where an exception happened: file, line and function of each frame — no source
    text and no message, either of which can quote data."""
    return "".join(
        f"  {f.filename}:{f.lineno} in {f.name}\n" for f in traceback.extract_tb(exc.__traceback__)
    )
