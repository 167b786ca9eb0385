"""Per-user app settings (window state, last register, language) in an INI file.

Office settings live in the register; these are the laptop user's own. Never a password.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "TipDesk"
APPLICATION = "TipDesk"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)
