"""An open register: the database, the signed-in user, the office and its clock."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

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

    def stamp(self) -> dict[str, str]:
        """The rev, time and author of one row write."""
        return {"rev": self.clock.tick(), "updated_at": utc_now(),
                "updated_by": self.user.username}

    def new_id(self) -> str:
        return new_id()

    @contextlib.contextmanager
    def write(self, *, immediate: bool = False) -> Iterator[Database]:
        """One user action: one transaction, and the clock saved with it.

        ``immediate`` takes the write lock at the start (for numbers that must not be
        taken twice by two programs on the same register)."""
        with (immediate_transaction(self.db) if immediate else self.db.atomic()):
            yield self.db
            local.set_setting(self.db, CLOCK_SETTING, self.clock.last)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            checkpoint(self.db)
        self.db.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
