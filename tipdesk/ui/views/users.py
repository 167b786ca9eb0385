"""The Users screen: who may sign in to this register, with which role.

Administrators see the accounts and add, change, disable, enable, reset and remove them
(``tipdesk.services.access.users``); every other role reads one sentence saying that only
administrators manage users, and can change their own password here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.services.access import permissions, users
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.dialogs.users import (
    AddUserDialog,
    PasswordDialog,
    RekeyDoneDialog,
    RemoveUserDialog,
    RoleDialog,
    role_text,
)
from tipdesk.ui.models.case_list import Column, RowsModel, format_timestamp
from tipdesk.ui.operations import run_in_background
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, message_label
from tipdesk.ui.widgets.lists import RowActivation, list_table

_C = "UsersView"
STATUS = {
    "active": QT_TRANSLATE_NOOP("UsersView", "Active"),
    "disabled": QT_TRANSLATE_NOOP("UsersView", "Disabled"),
    "removed": QT_TRANSLATE_NOOP("UsersView", "Removed"),
}


def status_text(account: users.Account) -> str:
    if account.status == "active" and not account.can_sign_in:
        # No key slot (dropped by a re-key, or never given): Reset password… gives one.
        return QCoreApplication.translate("UsersView", "Active, no password")
    return QCoreApplication.translate(_C, STATUS.get(account.status, account.status))


def account_columns() -> tuple[Column, ...]:
    return (
        Column(_C, QT_TRANSLATE_NOOP("UsersView", "Username"), lambda a: a.username),
        Column(_C, QT_TRANSLATE_NOOP("UsersView", "Name"), lambda a: a.display_name),
        Column(_C, QT_TRANSLATE_NOOP("UsersView", "Role"), lambda a: role_text(a.role)),
        Column(_C, QT_TRANSLATE_NOOP("UsersView", "Status"), status_text),
        Column(
            _C,
            QT_TRANSLATE_NOOP("UsersView", "Added"),
            lambda a: format_timestamp(a.created_at) if a.created_at else "",
        ),
    )


class UsersView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.can_manage = permissions.allowed(session, "manage_users")
        self.accounts: list[users.Account] = []

        heading = QLabel("<h2>" + self.tr("Users") + "</h2>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.intro = QLabel(self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.message = message_label(self, screen=True)

        self.model = RowsModel(account_columns(), key=lambda a: a.username, parent=self)
        self.table = list_table(self.model, self)
        self.table.setObjectName("accounts")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((170, 260, 230, 190, 130)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.activation = RowActivation(self.table, lambda _row: self.change_role())

        self.add_button = self._button(
            self.tr("Add user…"), self.add_user, self.tr("A new account with its own password")
        )
        self.role_button = self._button(
            self.tr("Change role…"), self.change_role, self.tr("What the chosen user may do")
        )
        self.disable_button = self._button(
            self.tr("Disable"),
            self.disable,
            self.tr("The user can no longer sign in; their password is deleted"),
        )
        self.enable_button = self._button(
            self.tr("Enable…"),
            self.enable,
            self.tr("Let a disabled user sign in again, with a new password"),
        )
        self.reset_button = self._button(
            self.tr("Reset password…"),
            self.reset_password,
            self.tr("Set a new password for a user who forgot theirs"),
        )
        self.remove_button = self._button(
            self.tr("Remove…"),
            self.remove,
            self.tr("Remove the account for good, and re-key the database"),
        )
        self.own_password_button = self._button(
            self.tr("Change my password…"),
            self.change_own_password,
            self.tr("Change the password you sign in with"),
        )

        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.role_button,
            self.disable_button,
            self.enable_button,
            self.reset_button,
            self.remove_button,
        ):
            actions.addWidget(button)
            button.setVisible(self.can_manage)
        actions.addStretch(1)
        actions.addWidget(self.own_password_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        if self.can_manage:
            self.intro.setText(
                self.tr(
                    "Everyone who works in this register signs in with an account of their own. "
                    "Disabling keeps the account (the audit trail names it) but deletes its "
                    "password; removing ends it for good."
                )
            )
            self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        else:
            self.intro.setText(
                self.tr(
                    "Only administrators manage users: adding them, changing roles, resetting "
                    "passwords. Ask an administrator of your office. You can change your own "
                    "password here or with File > Change my password."
                )
            )
            self.table.hide()
            layout.addStretch(1)
        self.refresh()

    def _button(self, text: str, slot: Callable[[], Any], tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False: slot())
        return button

    # --- loading ------------------------------------------------------------------------

    def refresh(self, keep: str = "") -> None:
        if not self.can_manage:
            return
        chosen = keep or (self.selected().username if self.selected() else "")
        try:
            self.accounts = users.list_accounts(self.session)
        except TipdeskError as exc:
            self.say(refusal_text(exc), error=True)
            self.accounts = []
        self.model.set_rows(self.accounts)
        if self.accounts:
            row = next((i for i, a in enumerate(self.accounts) if a.username == chosen), 0)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    def selected(self) -> users.Account | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def select(self, username: str) -> None:
        self.refresh(keep=username)

    def _update_buttons(self) -> None:
        account = self.selected()
        status = account.status if account else ""
        yourself = account is not None and account.username == self.session.user.username
        self.role_button.setEnabled(status in ("active", "disabled"))
        self.disable_button.setEnabled(status == "active" and not yourself)
        self.enable_button.setEnabled(status == "disabled")
        self.reset_button.setEnabled(status == "active" and not yourself)
        self.remove_button.setEnabled(status in ("active", "disabled") and not yourself)
        for button in (self.disable_button, self.reset_button, self.remove_button):
            button.setToolTip(
                button.toolTip().split("\n")[0]
                + (
                    "\n"
                    + self.tr(
                        "Not for your own account: ask another administrator, or use "
                        "Change my password."
                    )
                    if yourself
                    else ""
                )
            )

    # --- telling the user ---------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.show()

    # --- actions ------------------------------------------------------------------------

    def add_user(self) -> str:
        dialog = AddUserDialog(self.session, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.added:
            return ""
        self.select(dialog.added)
        self.say(
            self.tr("{user} is added and can sign in with the password you gave.").format(
                user=dialog.added
            )
        )
        return dialog.added

    def change_role(self) -> bool:
        account = self.selected()
        if account is None or account.status == "removed":
            return False
        if RoleDialog(self.session, account, self).exec() != QDialog.DialogCode.Accepted:
            return False
        self.select(account.username)
        changed = next((a for a in self.accounts if a.username == account.username), account)
        self.say(
            self.tr("{user} is now {role}.").format(
                user=account.username, role=role_text(changed.role)
            )
        )
        return True

    def disable(self) -> None:
        account = self.selected()
        if account is None or account.status != "active":
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable user"),
            self.tr(
                "Disable {user}? They can no longer sign in, and their password is deleted: to "
                "let them back in, enable the account with a new password."
            ).format(user=account.username),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def disabled(_result: object) -> None:
            self.select(account.username)
            self.say(self.tr("{user} is disabled.").format(user=account.username))

        run_in_background(
            self,
            self.tr("Disable user"),
            self.tr("Disabling…"),
            lambda _p, _c: users.disable_user(self.session, account.username),
            success=disabled,
            failure=self._failed,
            cancellable=False,
            whole_app=True,
        )

    def enable(self) -> bool:
        account = self.selected()
        if account is None or account.status != "disabled":
            return False
        username = account.username
        dialog = PasswordDialog(
            self.session,
            self.tr("Enable user"),
            self.tr(
                "{user} gets a new password to sign in with (the old one was deleted "
                "when the account was disabled)."
            ).format(user=username),
            lambda new, _current: users.enable_user(self.session, username, new),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.select(username)
        self.say(
            self.tr("{user} is enabled and can sign in with the new password.").format(
                user=username
            )
        )
        return True

    def reset_password(self) -> bool:
        account = self.selected()
        if account is None or account.status != "active":
            return False
        username = account.username
        dialog = PasswordDialog(
            self.session,
            self.tr("Reset password"),
            self.tr(
                "A new password for {user}. Give it to them in person; they can change "
                "it with File > Change my password."
            ).format(user=username),
            lambda new, _current: users.reset_password(self.session, username, new),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.select(username)
        self.say(self.tr("The password of {user} is reset.").format(user=username))
        return True

    def remove(self) -> users.Removed | None:
        account = self.selected()
        if account is None or account.status == "removed":
            return None
        dialog = RemoveUserDialog(self.session, account, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.removed is None:
            return None
        removed = dialog.removed
        self.refresh()
        if removed.rekeyed:
            self.say(
                self.tr("{user} is removed and the database is re-keyed.").format(
                    user=removed.username
                )
            )
            RekeyDoneDialog(removed, self).exec()
        else:
            self.say(self.tr("{user} is removed.").format(user=removed.username))
        return removed

    def change_own_password(self) -> bool:
        if not PasswordDialog.change_own(self.session, self):
            return False
        self.say(self.tr("Your password is changed."))
        return True

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, TipdeskError):
            self.say(refusal_text(error), error=True)
            QMessageBox.warning(self, self.tr("Users"), refusal_text(error))
        else:
            report(self, error)
