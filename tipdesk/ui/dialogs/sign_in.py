"""Sign-in to one register: folder, user, password. Remembers the folder, never the
password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.services.register import open_register, register_users
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.operations import Operation, run_in_background
from tipdesk.ui.settings import app_settings
from tipdesk.ui.widgets.forms import message_label

LAST_REGISTER = "last_register"


class SignInDialog(QDialog):
    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.operation: Operation | None = None  # opening the register
        self.wants_new_register = False
        self.setWindowTitle(self.tr("Sign in to TipDesk"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_folder)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Register folder"), row)
        self.user_box = QComboBox()
        form.addRow(self.tr("User"), self.user_box)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        new = buttons.addButton(self.tr("New register…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        new.clicked.connect(self.new_register)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        if folder is None:
            saved = str(app_settings().value(LAST_REGISTER, "") or "")
            folder = Path(saved) if saved else None
        if folder is not None:
            self.set_folder(folder)

    def set_folder(self, folder: Path) -> None:
        self.folder_edit.setText(str(folder))
        self.user_box.clear()
        self.message.hide()
        try:
            users = register_users(folder)
        except TipdeskError as exc:
            self.show_message(refusal_text(exc))
            self.sign_in_button.setEnabled(False)
            return
        self.user_box.addItems(users)
        self.sign_in_button.setEnabled(True)
        self.password_edit.setFocus()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the register folder"), self.folder_edit.text()
        )
        if chosen:
            self.set_folder(Path(chosen))

    def new_register(self) -> None:
        self.wants_new_register = True
        self.reject()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def sign_in(self) -> None:
        folder, user = Path(self.folder_edit.text()), self.user_box.currentText()
        password = self.password_edit.text()
        if not self.folder_edit.text() or not user:
            self.show_message(self.tr("Choose a register folder first."))
            return

        def opened(session: Session) -> None:
            self.session = session
            app_settings().setValue(LAST_REGISTER, str(folder))
            self.accept()

        def refused(error: BaseException) -> None:
            if isinstance(error, TipdeskError):
                self.show_message(refusal_text(error))
                self.password_edit.setFocus()
            else:
                report(self, error)

        self.password_edit.clear()
        self.operation = run_in_background(
            self,
            self.tr("Opening the register"),
            self.tr("Unlocking and checking the register…"),
            lambda progress, cancelled: open_register(folder, user, password),
            success=opened,
            failure=refused,
            cancellable=False,
        )

    @classmethod
    def ask(cls, parent: QWidget | None = None, folder: Path | None = None) -> SignInDialog:
        dialog = cls(folder, parent)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
        return dialog
