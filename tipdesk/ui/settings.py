"""Per-user app settings (window state, last register, language, idle minutes, scaling
photos on attach) in an INI file.

Office settings live in the register; these are the laptop user's own. Never a password.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANIZATION = "TipDesk"
APPLICATION = "TipDesk"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


IDLE_MINUTES_KEY = "idle_minutes"
IDLE_MINUTES_DEFAULT = 10.0
IDLE_MINUTES_ENV = "TIPDESK_IDLE_MINUTES"


def idle_minutes(settings: QSettings | None = None) -> float:
    """Minutes without keyboard or mouse input before the app locks (0: never by itself).

    ``TIPDESK_IDLE_MINUTES`` (fractions allowed, for tests) overrides the setting."""
    for raw in (
        os.environ.get(IDLE_MINUTES_ENV, ""),
        (settings or app_settings()).value(IDLE_MINUTES_KEY, ""),
    ):
        try:
            minutes = float(str(raw or "").strip())
        except ValueError:
            continue
        if minutes >= 0:
            return minutes
    return IDLE_MINUTES_DEFAULT


SCALE_PHOTOS_KEY = "documents/scale_photos"


def scale_photos(settings: QSettings | None = None) -> bool:
    """Whether a large photo is scaled down when it is attached as a document (default
    on: a phone's 8 MB picture becomes a few hundred KB, still legible)."""
    return bool((settings or app_settings()).value(SCALE_PHOTOS_KEY, True, type=bool))


def set_scale_photos(on: bool, settings: QSettings | None = None) -> None:
    (settings or app_settings()).setValue(SCALE_PHOTOS_KEY, bool(on))
