"""Where things are: bundled resources (source tree or frozen bundle) and user folders."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "TipDesk"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, in the source tree or inside a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return user_log_dir() / "tipdesk.log"
