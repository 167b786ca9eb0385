"""Applying pending migrations, with a backup first when the register already has data."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from tipdesk.storage import schema, search
from tipdesk.storage.backup import backup_name, copy_database


def pending(db: Database, migrations: Migrations = schema.migrations) -> list[str]:
    return [m.name for m in migrations.pending(db)]


def known(migrations: Migrations = schema.migrations) -> list[str]:
    """Every migration this program has; sqlite-utils keeps the list unexposed."""
    return [m.name for m in migrations._migrations]


def applied(db: Database, migrations: Migrations = schema.migrations) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def migrate(
    db: Database, key: bytes, backups: Path, migrations: Migrations = schema.migrations
) -> Path | None:
    """Apply pending migrations; return the backup made before them, if any."""
    todo = migrations.pending(db)
    backup = None
    if todo:
        if migrations.applied(db):
            backup = copy_database(db, key, Path(backups) / backup_name(f"before-{todo[0].name}"))
        migrations.apply(db)
    search.index_if_emptied(db)
    return backup
