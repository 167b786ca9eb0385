"""Backups from the File menu: "Back up now…" (administrators, supervisors), "Restore
from backup…" (administrators) and the quiet daily backup after sign-in
(``tipdesk.services.backup``). Each runs off the UI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.services import backup
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report, warn_writing_failed
from tipdesk.ui.operations import Operation, quietly, run_in_background
from tipdesk.ui.settings import app_settings
from tipdesk.ui.widgets.forms import message_label

_C = "Backups"
FOLDER_KEY = "backup/folder"  # the last folder a backup went to or came from


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _start_folder() -> str:
    return str(app_settings().value(FOLDER_KEY, "") or "") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )


def _filter() -> str:
    return _t(QT_TRANSLATE_NOOP("Backups", "TipDesk backups (*.tipbackup);;All files (*)"))


def back_up_now(session: Session, parent: QWidget | None = None) -> None:
    """Choose a file, write the backup behind a progress dialog, say where it went."""
    title = _t(QT_TRANSLATE_NOOP("Backups", "Back up now"))
    # The office code and the moment: nothing about any case in the name.
    suggested = Path(_start_folder()) / backup.backup_file_name(
        session.office.code, dt.datetime.now(dt.UTC)
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        _t(QT_TRANSLATE_NOOP("Backups", "Where to save the backup (e.g. a USB drive)")),
        str(suggested),
        _filter(),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != backup.SUFFIX:
        target = target.with_name(target.name + backup.SUFFIX)

    failed = warn_writing_failed(
        parent,
        title,
        _t(
            QT_TRANSLATE_NOOP(
                "Backups",
                "The backup could not be written in {folder}: the drive may be full, "
                "write-protected or removed. Try again, or choose another place.",
            )
        ).format(folder=target.parent),
    )

    def written(result: backup.BackupResult) -> None:
        app_settings().setValue(FOLDER_KEY, str(result.path.parent))
        QMessageBox.information(
            parent,
            title,
            _t(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "The backup is written:\n{path}\n\nIt is encrypted like the register and "
                    "opens only with the password of one of its users or with the register's "
                    "recovery code. Keep it away from this laptop, e.g. locked in a drawer.",
                )
            ).format(path=result.path),
        )

    run_in_background(
        parent,
        title,
        _t(QT_TRANSLATE_NOOP("Backups", "Writing the backup…")),
        lambda _p, _c: backup.make_backup(session, target),
        success=written,
        failure=failed,
        cancellable=False,
    )


class RestoreDialog(QDialog):
    """A backup file, an empty new folder, and who restores it."""

    def __init__(self, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_: backup.RestoreResult | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        intro = QLabel(
            self.tr(
                "The backup becomes a new register in a folder of its own; the register open now "
                "is not changed. Sign in to the restored register as an administrator, with the "
                "password that was valid when the backup was made."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.file = QLineEdit(self)
        self.file.setObjectName("backup_file")
        self.folder = QLineEdit(self)
        self.folder.setObjectName("restore_folder")
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery = QLineEdit(self)
        self.recovery.setObjectName("recovery_code")
        self.recovery.setPlaceholderText(self.tr("only if no password of that time is known"))
        form = QFormLayout()
        form.addRow(self.tr("Backup file"), self._with_button(self.file, self.choose_file))
        form.addRow(
            self.tr("New, empty folder"), self._with_button(self.folder, self.choose_folder)
        )
        form.addRow(self.tr("Administrator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Recovery code"), self.recovery)
        self.recovery_note = QLabel(
            self.tr(
                "With the recovery code, the password above becomes the administrator's new "
                "password in the restored register."
            ),
            self,
        )
        self.recovery_note.setWordWrap(True)
        form.addRow(self.recovery_note)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _with_button(self, edit: QLineEdit, slot: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        button = QPushButton(self.tr("Choose…"), self)
        button.clicked.connect(lambda _=False: slot())
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the backup file"), _start_folder(), _filter()
        )
        if chosen:
            self.file.setText(chosen)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose an empty folder for the restored register"), _start_folder()
        )
        if chosen:
            self.folder.setText(chosen)

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def restore(self) -> None:
        file, folder = self.file.text().strip(), self.folder.text().strip()
        if not file or not folder:
            self.refuse(self.tr("Choose the backup file and a new, empty folder first."))
            return
        username = self.username.text().strip() or None
        password, code = self.password.text(), self.recovery.text().strip() or None
        self.message.hide()

        def failed(error: BaseException) -> None:
            if isinstance(error, TipdeskError):
                self.refuse(refusal_text(error))
            elif isinstance(error, OSError):
                self.refuse(
                    self.tr(
                        "The backup could not be read, or the folder could not be "
                        "written. Check both, then try again."
                    )
                )
            else:
                report(self, error)

        def restored(result: backup.RestoreResult) -> None:
            self.result_ = result
            app_settings().setValue(FOLDER_KEY, str(Path(file).parent))
            self.accept()

        self.password.clear()
        run_in_background(
            self,
            self.windowTitle(),
            self.tr("Checking and restoring the backup…"),
            lambda _p, _c: backup.restore_backup(
                Path(file), Path(folder), username, password, recovery_code=code
            ),
            success=restored,
            failure=failed,
            cancellable=False,
        )

    @classmethod
    def run(cls, username: str, parent: QWidget | None = None) -> backup.RestoreResult | None:
        dialog = cls(username, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_ is None:
                return None
            result = dialog.result_
        finally:
            dialog.deleteLater()
        QMessageBox.information(
            parent,
            _t(QT_TRANSLATE_NOOP("Backups", "Restore from backup")),
            _t(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "The backup is restored as a register of its own in:\n{folder}\n\n"
                    "To work in it, quit TipDesk, start it again and choose that folder "
                    "when signing in. The register open now is unchanged.",
                )
            ).format(folder=result.folder),
        )
        return result


def start_daily_backup(
    session: Session, done: Callable[[Path | None], None], failed: Callable[[BaseException], None]
) -> Operation:
    """The day's backup in the register's backups/ folder, in the background, once."""
    return quietly(lambda: backup.daily_backup(session), success=done, failure=failed)
