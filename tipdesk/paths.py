"""Where things are: bundled resources (source tree or frozen bundle) and user folders."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "TipDesk"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``: inside a PyInstaller bundle, inside the installed
    package (a wheel carries it as ``tipdesk/resources``), or at the top of the source
    tree."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base).joinpath("resources", *parts)
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    root = installed if installed.is_dir() else package.parent / "resources"
    return root.joinpath(*parts)


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return user_log_dir() / "tipdesk.log"
