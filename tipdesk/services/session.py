"""An open register: the database, the signed-in user, the office and its clock."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipdesk.domain.clock import HybridClock, new_id
from tipdesk.domain.records import Office, User
from tipdesk.storage import local
from tipdesk.storage.connection import Database, checkpoint
from tipdesk.storage.connection import immediate as immediate_transaction

CLOCK_SETTING = "clock"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Session:
    folder: Path
    db: Database
    key: bytes = field(repr=False)
    office: Office
    user: User
    clock: HybridClock
    today: Callable[[], dt.date] = dt.date.today
    # An analyst's session: ``db`` is the de-identified analysis copy, ``key`` its key
    # (services/access/analysis.py); nothing of the register itself is open.
    analysis: bool = False
    # Called after each outermost write transaction commits (services/access/analysis.py keeps
    # the analysts' copy current through it); never fails the write it follows.
    after_write: Callable[[Session], object] | None = field(default=None, repr=False)
    # The session's connection of the analysis copy, the register attached (kept open by
    # services/access/analysis.py between refreshes; anything with ``close()``).
    copy_db: Any = field(default=None, repr=False)

    @property
    def database_path(self) -> Path:
        """The file ``db`` is: the register, or for an analyst the analysis copy."""
        return Path(self.folder) / ("analysis.db" if self.analysis else "register.db")

    def stamp(self) -> dict[str, str]:
        """The rev, time and author of one row write."""
        return {"rev": self.clock.tick(), "updated_at": utc_now(), "updated_by": self.user.username}

    def new_id(self) -> str:
        return new_id()

    @contextlib.contextmanager
    def write(self, *, immediate: bool = False) -> Iterator[Database]:
        """One user action: one transaction, and the clock saved with it.

        ``immediate`` takes the write lock at the start (for numbers that must not be
        taken twice by two programs on the same register)."""
        outermost = not self.db.conn.in_transaction
        with immediate_transaction(self.db) if immediate else self.db.atomic():
            yield self.db
            local.set_setting(self.db, CLOCK_SETTING, self.clock.last)
        if outermost and self.after_write is not None:
            self.after_write(self)

    def close(self) -> None:
        if self.copy_db is not None:
            with contextlib.suppress(Exception):
                self.copy_db.close()
            self.copy_db = None
        with contextlib.suppress(Exception):
            checkpoint(self.db)
        self.db.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
