"""Handing a case to another office (pelimpahan): the request, with the office and a
reason, and the receiving office's answer — accepted, or declined with a reason
(``tipdesk.services.casework.transfers``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import TipdeskError
from tipdesk.services.casework import cases, transfers
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text
from tipdesk.ui.widgets.forms import WARNING_STYLE, message_label


def letters_in(text: str) -> int:
    """What the service counts of a reason: its characters, spaces not counted."""
    return len(text.strip().replace(" ", ""))


class ReasonBox(QWidget):
    """A reason to write, with how many letters it has of the ``minimum`` needed."""

    def __init__(
        self, parent: QWidget | None = None, *, minimum: int = transfers.MIN_REASON
    ) -> None:
        super().__init__(parent)
        self.minimum = minimum
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("reason")
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.count = QLabel(self)
        self.count.setObjectName("reason_count")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self._count)
        self._count()

    def text(self) -> str:
        return self.edit.toPlainText()

    def _count(self) -> None:
        n = letters_in(self.text())
        self.count.setText(
            QCoreApplication.translate("ReasonBox", "{count} letters (at least {minimum})").format(
                count=n, minimum=self.minimum
            )
        )
        self.count.setStyleSheet("" if n >= self.minimum else WARNING_STYLE)


class TransferRequestDialog(QDialog):
    """Ask to hand the case, its person and all their cases, to another office."""

    def __init__(self, session: Session, case_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.transfer: r.Transfer | None = None
        self.setWindowTitle(self.tr("Transfer to another office"))
        file = cases.open_case(session, case_number)
        moving = len(cases.cases_of_person(session, file.person.id))
        self.office = QComboBox(self)
        self.office.setObjectName("office")
        self.office.addItem(self.tr("(choose)"), "")
        for office in transfers.destinations(session):
            if office.id != file.case.origin:
                self.office.addItem(f"{office.code} · {office.name}", office.code)
        self.moving = QLabel(self)
        self.moving.setObjectName("moving")
        self.moving.setWordWrap(True)
        self.moving.setStyleSheet(WARNING_STYLE)
        self.moving.setText(
            (
                self.tr(
                    "The person goes with the transfer, and with them all of their {count} "
                    "cases in this register (the case {number} and the others), with "
                    "everything recorded in them."
                )
                if moving > 1
                else self.tr(
                    "The person goes with the transfer, with their case {number} and "
                    "everything recorded in it."
                )
            ).format(count=moving, number=case_number)
            + " "
            + (
                self.tr("As the province, the transfer takes effect at once.")
                if session.office.level == "province"
                else self.tr(
                    "The receiving office accepts or declines it; until then the case stays "
                    "with this office."
                )
            )
        )
        self.reason = ReasonBox(self)
        form = QFormLayout()
        form.addRow(self.tr("To office"), self.office)
        form.addRow(self.tr("Reason"), self.reason)
        self.message = message_label(self)
        if self.office.count() == 1:
            self.message.setText(
                self.tr("This register knows no other office yet: sync with the province first.")
            )
            self.message.show()
        self.buttons = QDialogButtonBox(self)
        self.request_button = self.buttons.addButton(
            self.tr("Request transfer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.request_button.setObjectName("request")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.request)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.moving)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def request(self) -> None:
        self.message.hide()
        code = self.office.currentData()
        if not code:
            self.message.setText(self.tr("Choose the office the case goes to."))
            self.message.show()
            return
        try:
            self.transfer = transfers.request(
                self.session, self.case_number, code, self.reason.text()
            )
        except TipdeskError as exc:
            self.message.setText(refusal_text(exc))
            self.message.show()
            return
        self.accept()

    @classmethod
    def run(
        cls, session: Session, case_number: str, parent: QWidget | None = None
    ) -> r.Transfer | None:
        """The transfer requested, or None if the dialog was cancelled."""
        dialog = cls(session, case_number, parent)
        dialog.exec()
        return dialog.transfer


class DeclineDialog(QDialog):
    """Decline a transfer offered to this office, with a reason the sender reads."""

    def __init__(self, session: Session, case_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.declined = False
        self.setWindowTitle(self.tr("Decline transfer"))
        note = QLabel(
            self.tr(
                "The case {number} stays with the office that asked, unchanged, and this "
                "register drops its copy. The reason is sent to that office."
            ).format(number=case_number),
            self,
        )
        note.setWordWrap(True)
        self.reason = ReasonBox(self)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.decline_button = self.buttons.addButton(
            self.tr("Decline"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.decline_button.setObjectName("decline")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.decline)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def decline(self) -> None:
        self.message.hide()
        try:
            transfers.decline(self.session, self.case_number, self.reason.text())
        except TipdeskError as exc:
            self.message.setText(refusal_text(exc))
            self.message.show()
            return
        self.declined = True
        self.accept()

    @classmethod
    def run(cls, session: Session, case_number: str, parent: QWidget | None = None) -> bool:
        """True if the transfer was declined."""
        dialog = cls(session, case_number, parent)
        dialog.exec()
        return dialog.declined


class ConfirmAccept:
    """Asks before this office takes a case over (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, case_number: str, office: str, count: int) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ConfirmAccept", "Accept transfer"),
            QCoreApplication.translate(
                "ConfirmAccept",
                "Accept the transfer of case {number} from {office}? This office becomes "
                "the owner of the person and of their cases ({count} in all).",
            ).format(number=case_number, office=office, count=count),
        )
        return answer == QMessageBox.StandardButton.Yes


def accept_transfer(
    session: Session, view: transfers.TransferView, parent: QWidget | None
) -> tuple[bool, str]:
    """Ask, then accept the transfer offered: (accepted, the refusal's text if any)."""
    if not ConfirmAccept.ask(parent, view.case_number, view.from_code, view.cases_moving):
        return False, ""
    try:
        transfers.accept(session, view.case_number)
    except TipdeskError as exc:
        return False, refusal_text(exc)
    return True, ""
