"""Turning raw text (a command-line ``--set``, a form field) into typed field values.

Parsing never raises for bad input: it returns a :class:`Problem`, so a form or command
can report every bad field at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from tipdesk.domain.errors import Problem

_TRUE = {"1", "true", "yes", "ya", "y"}
# The date as the app shows it (28/11/2026, also 28-11-2026), or ISO (2026-11-28).
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_FALSE = {"0", "false", "no", "tidak", "n", ""}


def parse_value(field: dataclasses.Field, raw: str) -> tuple[Any, Problem | None]:
    """Parse ``raw`` for ``field``; return ``(value, None)`` or ``(None, problem)``."""
    kind = field.metadata["kind"]
    raw = raw.strip()
    name = field.name
    if kind == "text":
        return raw, None
    if kind == "code":
        return (raw or None), None
    if kind == "codes":
        items = [part.strip() for part in raw.split(",") if part.strip()]
        return items, None
    if kind == "lines":
        return [line for line in raw.split("\n")], None
    if kind == "date":
        if not raw:
            return None, None
        try:
            found = _DAY_MONTH_YEAR.match(raw)
            if found:
                day, month, year = (int(part) for part in found.groups())
                return dt.date(year, month, day), None
            return dt.date.fromisoformat(raw), None
        except ValueError:
            return None, Problem(name, "invalid_date", params={"value": raw})
    if kind == "int":
        if not raw:
            return None, None
        try:
            return int(raw), None
        except ValueError:
            return None, Problem(name, "invalid_number", params={"value": raw})
    if kind == "flag":
        lowered = raw.lower()
        if lowered in _TRUE:
            return True, None
        if lowered in _FALSE:
            return False, None
        return None, Problem(name, "invalid_flag", params={"value": raw})
    return None, Problem(name, "not_editable")


def format_value(value: Any) -> str:
    """The inverse of :func:`parse_value`, for showing a stored value as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
