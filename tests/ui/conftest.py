"""UI tests: app settings and logs in a temporary place, English unless a test says."""

import time

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tipdesk.ui import i18n, operations


def settle(timeout_s: float = 60) -> None:
    """Let the event loop run until every background operation has ended and its
    callback has run (what a user waits for behind the progress dialog)."""
    deadline = time.monotonic() + timeout_s
    while operations.running():
        assert time.monotonic() < deadline, "an operation did not end"
        QTest.qWait(5)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """Work a test started ends before its register closes (as the app waits for it)."""
    yield
    settle()


def fill_and_save(fill):
    """An ``exec`` for a dialog with a Save button: fill the real dialog, press Save,
    wait for what Save started, return its result (tests put it in place of the modal
    ``exec``)."""

    def exec_(dialog):
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        settle()
        return dialog.result()

    return exec_


def cancelled_at_once(monkeypatch, module: str) -> None:
    """Operations started by ``module`` (e.g. "tipdesk.ui.views.sync") see Cancel pressed
    before their work begins."""
    real = operations.run_in_background

    def run(parent, title, label, work, **kw):
        return real(parent, title, label, lambda progress, _c: work(progress, lambda: True), **kw)

    monkeypatch.setattr(f"{module}.run_in_background", run)


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
