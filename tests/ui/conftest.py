"""UI tests: app settings and logs in a temporary place, English unless a test says."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tipdesk.ui import i18n


def fill_and_save(fill):
    """An ``exec`` for a dialog with a Save button: fill the real dialog, press Save,
    return its result (tests put it in place of the modal ``exec``)."""

    def exec_(dialog):
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result()

    return exec_


@pytest.fixture(autouse=True)
def isolated_app_settings(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("TIPDESK_LANG", raising=False)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    i18n.install("en", qapp)
    yield
    i18n.install("en", qapp)


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes shown, as (kind, title, text); questions answer Yes."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda parent, title, text, *a, k=kind: shown.append((k, title, text))),
        )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda parent, title, text, *a: (
                shown.append(("question", title, text)) or QMessageBox.StandardButton.Yes
            )
        ),
    )
    return shown
