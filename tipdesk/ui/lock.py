"""The lock: after the idle minutes without keyboard or mouse input (``settings.
idle_minutes``), or on demand (File > Lock, Ctrl+L), every TipDesk window is hidden behind
a lock screen that shows the office and the signed-in username only and asks that user's
password again (``register.verify_password``).

Windows are hidden, not closed, so everything in them survives — unsaved edits in a case
file included — and unlocking shows them again as they were. A dialog that is waiting
for an answer cannot be hidden without answering it (Qt closes it), so it is covered
with a blank sheet instead; the lock screen, opened after it, takes all input.
"""

from __future__ import annotations

import contextlib
import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.services.access import audit
from tipdesk.services.register import verify_password
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.operations import run_in_background
from tipdesk.ui.settings import IDLE_MINUTES_KEY, app_settings
from tipdesk.ui.widgets.forms import message_label, save_cancel_buttons

log = logging.getLogger(__name__)

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.ShortcutOverride,
    }
)
CHECK_EVERY_MS = 15_000  # how often the idle time is looked at (at most)


class LockScreen(QWidget):
    """The office, the username and a password field: nothing from the register."""

    unlocked = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.session = session
        self._may_close = False
        self.setObjectName("lock_screen")
        self.setWindowTitle(self.tr("TipDesk — locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoFillBackground(True)

        self.office = QLabel(session.office.name, self)
        self.office.setObjectName("office")
        font = QFont(self.office.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.office.setFont(font)
        self.office.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.office.setWordWrap(True)
        self.locked = QLabel(self.tr("TipDesk is locked."), self)
        self.locked.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user = QLabel(self.tr("Signed in: {user}").format(user=session.user.username), self)
        self.user.setObjectName("user")
        self.user.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = QLabel(self.tr("Type your password to go on working."), self)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.message = message_label(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        panel = QFrame(self)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(460)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.setSpacing(10)
        for widget in (self.office, self.locked, self.user, self.prompt):
            inner.addWidget(widget)
        inner.addLayout(row)
        inner.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(panel)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

    def texts(self) -> list[str]:
        """Every text the lock screen shows (tests check that no case data is there)."""
        shown = [self.windowTitle(), self.password.placeholderText(), self.unlock_button.text()]
        shown += [label.text() for label in self.findChildren(QLabel) if label.isVisible()]
        return shown

    def try_unlock(self) -> None:
        """Check the password in the background; unlock if it is right."""
        password = self.password.text()
        self.password.clear()
        if not password:
            self.password.setFocus()
            return

        def refused(error: BaseException) -> None:
            if isinstance(error, TipdeskError):
                self.message.setText(refusal_text(error))
                self.message.show()
                self.password.setFocus()
            else:
                report(self, error)

        def unlocked(_result: object) -> None:
            self.message.hide()
            self.unlocked.emit()

        run_in_background(
            self,
            self.tr("Unlock"),
            self.tr("Checking the password…"),
            lambda _p, _c: verify_password(self.session, password),
            success=unlocked,
            failure=refused,
            cancellable=False,
        )

    def finish(self) -> None:
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the lock screen does not unlock: only the password does.
        if self._may_close:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.password.clear()
            return
        super().keyPressEvent(event)


class IdleLock(QObject):
    """Watches for input in every window of the app; locks after ``minutes`` without
    any (0: only on demand), and on ``lock()``."""

    locked_changed = Signal(bool)

    def __init__(self, session: Session, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.minutes = minutes
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._covers: list[QWidget] = []
        self._active: QWidget | None = None
        self.last_input = time.monotonic()
        self._cursor = QCursor.pos()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.set_minutes(minutes, save=False)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float, *, save: bool = True) -> None:
        """Lock after ``minutes`` without input from now on (0: only on demand); ``save``
        keeps the choice in the app's settings for the next start."""
        self.minutes = max(0.0, minutes)
        self.last_input = time.monotonic()
        self.timer.stop()
        if self.minutes > 0:
            self.timer.start(max(100, min(CHECK_EVERY_MS, int(self.minutes * 60_000 / 4))))
        if save:
            app_settings().setValue(IDLE_MINUTES_KEY, self.minutes)

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        """Lock once the idle time is up; a moved mouse counts as input too."""
        if self.is_locked or self.minutes <= 0:
            return
        now = time.monotonic()
        cursor = QCursor.pos()
        if cursor != self._cursor:
            self._cursor, self.last_input = cursor, now
            return
        if now - self.last_input >= self.minutes * 60:
            self.lock()

    # --- locking ------------------------------------------------------------------------

    def lock(self) -> LockScreen:
        if self.screen is not None:
            return self.screen
        app = QApplication.instance()
        try:
            # Its own connection: a background job may be using the session's.
            audit.record_apart(
                self.session, "locked", entity="users", record_id=self.session.user.username
            )
        except Exception as exc:  # the lock must happen even if the trail cannot be written
            log.error("could not record the lock: %s", type(exc).__name__)
        self._active = app.activeWindow()
        self._hidden, self._covers = [], []
        for window in app.topLevelWidgets():
            if not window.isVisible() or isinstance(window, LockScreen):
                continue
            kind = window.windowType()
            if kind in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                window.hide()  # an open menu or tooltip: not worth bringing back
            elif isinstance(window, QDialog) and window.isModal():
                self._covers.append(self._cover(window))
            else:
                self._hidden.append(window)
                window.hide()
        self.screen = LockScreen(self.session)
        self.screen.unlocked.connect(self.unlock)
        self.screen.showMaximized()
        self.screen.raise_()
        self.screen.activateWindow()
        self.screen.password.setFocus()
        self.locked_changed.emit(True)
        return self.screen

    @staticmethod
    def _cover(dialog: QDialog) -> QWidget:
        sheet = QWidget(dialog)
        sheet.setObjectName("lock_cover")
        sheet.setAutoFillBackground(True)
        sheet.setGeometry(dialog.rect())
        sheet.setSizePolicy(dialog.sizePolicy())
        sheet.show()
        sheet.raise_()
        return sheet

    def unlock(self) -> None:
        """Show every window again as it was (after the password was checked)."""
        screen, self.screen = self.screen, None
        if screen is None:
            return
        for window in self._hidden:
            with contextlib.suppress(RuntimeError):  # a window deleted meanwhile
                window.show()
        for sheet in self._covers:
            with contextlib.suppress(RuntimeError):
                sheet.hide()
                sheet.deleteLater()
        self._hidden, self._covers = [], []
        screen.finish()
        screen.deleteLater()
        active, self._active = self._active, None
        if active is not None:
            with contextlib.suppress(RuntimeError):
                active.raise_()
                active.activateWindow()
        self.last_input = time.monotonic()
        self.locked_changed.emit(False)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class IdleMinutesDialog(QDialog):
    """View > Lock after…: the idle minutes, kept in this laptop user's settings."""

    def __init__(self, minutes: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lock after"))
        intro = QLabel(
            self.tr(
                "TipDesk hides its windows and asks for the password again after this many "
                "minutes without keyboard or mouse use. Ctrl+L locks at once."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 240)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setValue(max(1, round(minutes)) if minutes > 0 else 10)
        self.never = QCheckBox(self.tr("Only when I lock it (not recommended)"), self)
        self.never.setChecked(minutes <= 0)
        self.never.toggled.connect(lambda on: self.minutes.setEnabled(not on))
        self.minutes.setEnabled(minutes > 0)
        form = QFormLayout()
        form.addRow(self.tr("Lock after"), self.minutes)
        form.addRow(self.never)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        self.accept()

    def value(self) -> float:
        return 0.0 if self.never.isChecked() else float(self.minutes.value())

    @classmethod
    def ask(cls, minutes: float, parent: QWidget | None = None) -> float | None:
        dialog = cls(minutes, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.value()
        finally:
            dialog.deleteLater()
