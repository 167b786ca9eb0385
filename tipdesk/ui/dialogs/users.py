"""The dialogs of the Users screen and "Change my password…": add a user, change a role,
set a password (enable, reset, one's own), remove a user (with the re-key), and what a
re-key leaves to do.

Each dialog calls its service itself when Save is pressed, in the background (a password
costs an Argon2id derivation, a re-key rewrites the database), and stays open with the
refusal under its fields when the service says no.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.records import User
from tipdesk.domain.vocab import ROLE
from tipdesk.services.access import users
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.dialogs.office_keys import monospace
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import vocab_label
from tipdesk.ui.operations import run_in_background
from tipdesk.ui.widgets.forms import WARNING_STYLE, message_label, save_cancel_buttons


def password_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(260)
    return edit


def role_combo(parent: QWidget | None = None, role: str = "caseworker") -> QComboBox:
    combo = QComboBox(parent)
    for term in ROLE:
        combo.addItem(vocab_label(ROLE, term.code), term.code)
    combo.setCurrentIndex(max(combo.findData(role), 0))
    return combo


class ServiceDialog(QDialog):
    """A small form whose Save runs one service call; refusals show in ``message``.

    Each dialog defines ``save`` (the Save button calls it; a test checks every one does).
    """

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.message = message_label(self)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def say_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def call(
        self,
        label: str,
        work: Callable[..., Any],
        done: Callable[[Any], None],
        *,
        with_progress: bool = False,
        failed: Callable[[], None] | None = None,
    ) -> None:
        """``work()`` in the background (``work(progress)`` ``with_progress``: its
        ``progress(done, total)`` moves the bar), then ``done(result)``; if it failed,
        the user is told why and ``failed()`` runs."""
        self.message.hide()

        def refused(error: BaseException) -> None:
            if isinstance(error, TipdeskError):
                self.refuse(refusal_text(error))
            else:
                report(self, error)
            if failed is not None:
                failed()

        run_in_background(
            self,
            self.windowTitle(),
            label,
            (lambda progress, _cancelled: work(progress))
            if with_progress
            else (lambda _progress, _cancelled: work()),
            success=done,
            failure=refused,
            cancellable=False,
            whole_app=True,
        )

    def passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            self.refuse(
                QCoreApplication.translate(
                    "ServiceDialog", "The two passwords differ. Type the same password twice."
                )
            )
            second.clear()
            second.setFocus()
            return False
        return True


class AddUserDialog(ServiceDialog):
    """Username, name, role and a first password (typed twice)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Add user"), parent)
        self.username = QLineEdit(self)
        self.username.setPlaceholderText(self.tr("e.g. dewi.lestari"))
        self.display_name = QLineEdit(self)
        self.role = role_combo(self)
        self.password = password_edit(self)
        self.repeat = password_edit(self)
        self.say_intro(
            self.tr(
                "The username is what the user types to sign in: lower-case letters, digits, dots "
                "and dashes. Give them the password in person; they can change it later with "
                "File > Change my password."
            )
        )
        self.form.addRow(self.tr("Username"), self.username)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.repeat)
        self.added = ""

    def save(self) -> None:
        if not self.passwords_match(self.password, self.repeat):
            return
        username = self.username.text().strip()
        user = User(
            username=username,
            display_name=self.display_name.text().strip() or username,
            role=self.role.currentData(),
        )
        password = self.password.text()

        def added(_result: object) -> None:
            self.added = username
            self.accept()

        self.call(
            self.tr("Adding the user…"), lambda: users.add_user(self.session, user, password), added
        )


class RoleDialog(ServiceDialog):
    def __init__(
        self, session: Session, account: users.Account, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, self.tr("Change role"), parent)
        self.account = account
        self.say_intro(
            self.tr(
                "What {user} may do depends on the role: administrators "
                "manage the office and its users, supervisors see every case "
                "and approve closures, case workers see their own cases, "
                "analysts see statistics without names."
            ).format(user=account.username)
        )
        self.role = role_combo(self, account.role)
        self.form.addRow(self.tr("Role"), self.role)
        # To or from analyst the user's key changes (an analyst's opens only the
        # de-identified copy): a new password comes with the role.
        self.key_note = QLabel(
            self.tr(
                "An analyst's password opens only the data without names, so this change "
                "needs a new password for {user}. Give it to them in person."
            ).format(user=account.username)
        )
        self.key_note.setWordWrap(True)
        self.password = password_edit(self)
        self.repeat = password_edit(self)
        self.form.addRow(self.key_note)
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("Repeat new password"), self.repeat)
        self.role.currentIndexChanged.connect(self._show_password)
        self._show_password()

    def crossing(self) -> bool:
        return users.crosses_analyst(self.account.role, self.role.currentData())

    def _show_password(self) -> None:
        needed = self.crossing()
        self.key_note.setVisible(needed)
        for field in (self.password, self.repeat):
            field.setVisible(needed)
            self.form.labelForField(field).setVisible(needed)

    def save(self) -> None:
        role = self.role.currentData()
        password = None
        if self.crossing():
            if not self.passwords_match(self.password, self.repeat):
                return
            password = self.password.text()
        self.call(
            self.tr("Changing the role…"),
            lambda: users.set_role(self.session, self.account.username, role, password=password),
            lambda _result: self.accept(),
        )


class PasswordDialog(ServiceDialog):
    """A new password typed twice (and, for one's own, the current one first); Save
    hands them to ``apply(new, current)``."""

    def __init__(
        self,
        session: Session,
        title: str,
        intro: str,
        apply: Callable[[str, str], Any],
        *,
        ask_current: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, title, parent)
        self.apply = apply
        self.say_intro(intro)
        self.current = password_edit(self)
        if ask_current:
            self.form.addRow(self.tr("Current password"), self.current)
        self.password = password_edit(self)
        self.repeat = password_edit(self)
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("Repeat new password"), self.repeat)

    def save(self) -> None:
        if not self.passwords_match(self.password, self.repeat):
            return
        new, current = self.password.text(), self.current.text()
        self.call(
            self.tr("Setting the password…"),
            lambda: self.apply(new, current),
            lambda _result: self.accept(),
            failed=self.current.clear,
        )

    @classmethod
    def change_own(cls, session: Session, parent: QWidget | None = None) -> bool:
        title = QCoreApplication.translate("PasswordDialog", "Change my password")
        intro = QCoreApplication.translate(
            "PasswordDialog",
            "Type your current password, then the new one twice. Use at "
            "least 8 characters; the new password works from the next sign-in and unlock.",
        )
        dialog = cls(
            session,
            title,
            intro,
            lambda new, current: users.change_password(session, current, new),
            ask_current=True,
            parent=parent,
        )
        return dialog.exec() == QDialog.DialogCode.Accepted


class RemoveUserDialog(ServiceDialog):
    """Removing an account, with the re-key ticked by default."""

    def __init__(
        self, session: Session, account: users.Account, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, self.tr("Remove user"), parent)
        self.account = account
        self.removed: users.Removed | None = None
        self.say_intro(
            self.tr(
                "Remove {user}? They can no longer sign in. The account's name stays in the audit "
                "trail and the history of changes; it cannot be used again."
            ).format(user=account.username)
        )
        self.rekey = QCheckBox(
            self.tr("Re-key the database so the removed user's old key no longer opens it"), self
        )
        self.rekey.setChecked(True)
        self.rekey_note = QLabel(
            self.tr(
                "Recommended. A copy of the register the removed user may have taken stays "
                "readable with their old password; after a re-key, no later copy is. It takes a "
                "moment on a large register; every other user keeps their password."
            ),
            self,
        )
        self.rekey_note.setWordWrap(True)
        self.rekey_note.setStyleSheet(WARNING_STYLE)
        self.form.addRow(self.rekey)
        self.form.addRow(self.rekey_note)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Remove"))

    def save(self) -> None:
        rekey = self.rekey.isChecked()
        label = (
            self.tr("Removing the user and re-keying the database…")
            if rekey
            else self.tr("Removing the user…")
        )

        # A large register takes a while: off the UI thread, with the bytes written so far.
        def removed(result: users.Removed) -> None:
            self.removed = result
            self.accept()

        self.call(
            label,
            lambda progress: users.remove_user(
                self.session, self.account.username, rekey=rekey, progress=progress
            ),
            removed,
            with_progress=True,
        )


class RekeyDoneDialog(QDialog):
    """After a re-key: whose password must be reset, and a new recovery code shown once
    (the dialog then stays until it is ticked as written down)."""

    def __init__(self, removed: users.Removed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database re-keyed"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{user} is removed and the database has a new key. Every "
                "other user signs in with their usual password."
            ).format(user=removed.username),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reset_label = QLabel(self)
        self.reset_label.setObjectName("needs_reset")
        self.reset_label.setWordWrap(True)
        if removed.needs_reset:
            self.reset_label.setText(
                self.tr(
                    "These users cannot sign in until an administrator resets their password "
                    "(Users > Reset password…): {users}"
                ).format(users=", ".join(removed.needs_reset))
            )
            self.reset_label.setStyleSheet(WARNING_STYLE)
        else:
            self.reset_label.hide()
        layout.addWidget(self.reset_label)
        self.code_label = QLabel(removed.new_recovery_code, self)
        self.code_label.setObjectName("recovery_code")
        self.code_label.setFont(monospace(14))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = QCheckBox(self.tr("I have written the new recovery code down"), self)
        if removed.new_recovery_code:
            advice = QLabel(
                self.tr(
                    "The old recovery code no longer opens the register. This is the new one, "
                    "shown only now: write it on paper and lock the paper away, apart from this "
                    "laptop. Do not save it in a file or a message."
                ),
                self,
            )
            advice.setWordWrap(True)
            layout.addWidget(advice)
            layout.addWidget(self.code_label)
            layout.addWidget(self.confirm)
        else:
            self.code_label.hide()
            self.confirm.hide()
            self.confirm.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close"))
        self.ok_button.setEnabled(self.confirm.isChecked())
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def reject(self) -> None:
        # Escape or the close button: only once a new recovery code is on paper.
        if self.confirm.isChecked():
            super().reject()


def role_text(code: str) -> str:
    return ROLE.label(code, current_language()) if code in ROLE.codes() else code
