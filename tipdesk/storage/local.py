"""Local-only tables: users and settings (never synced)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from tipdesk.domain.records import User
from tipdesk.storage.rows import from_row, to_row

LETTER_SETTINGS = "letter_settings"


def add_user(db: Database, user: User) -> None:
    db.table("users").insert(to_row(user))


def get_user(db: Database, username: str) -> User | None:
    rows = list(db.query("SELECT * FROM users WHERE username = ?", [username]))
    return from_row(User, rows[0]) if rows else None


def list_users(db: Database) -> list[User]:
    return [from_row(User, row) for row in db.query("SELECT * FROM users ORDER BY username")]


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", [key]))
    return json.loads(rows[0]["value"]) if rows else default


def set_setting(db: Database, key: str, value: Any) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )


def update_user(db: Database, username: str, **values: Any) -> None:
    """Set some columns of one user (display_name, role, phone, active, removed)."""
    allowed = {"display_name", "role", "phone", "active", "removed"}
    assert set(values) <= allowed, values
    sets = ", ".join(f"{name} = :{name}" for name in values)
    db.execute(
        f"UPDATE users SET {sets} WHERE username = :username", {**values, "username": username}
    )
