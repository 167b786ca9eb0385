"""Office keys in the app: enrolling another office from its key file once its
fingerprint is confirmed over the phone, and a province's recovery key, shown once.

Nothing here reads or makes a key itself; the sync service does, and checks who may.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.vocab import OFFICE_LEVEL
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.models.case_list import vocab_label
from tipdesk.ui.widgets.forms import WARNING_STYLE, message_label

if TYPE_CHECKING:
    from tipdesk.services.sync import Peer


def monospace(size: int = 0) -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    if size:
        font.setPointSize(size)
    return font


class EnrolDialog(QDialog):
    """Enrol the office of a key file: it says whose file it is, asks for the fingerprint
    read over the phone, and enrols only if the sync service finds that it matches."""

    def __init__(
        self,
        session: Session,
        data: bytes,
        card: object,
        enrolled: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``card`` is what ``sync.read_key_file`` read from ``data``; ``enrolled`` the
        profile of each office already enrolled, by code."""
        super().__init__(parent)
        self.session = session
        self.data = data
        self.card = card
        self.peer: Peer | None = None
        self.setWindowTitle(self.tr("Enrol an office"))
        bold = QFont(self.font())
        bold.setBold(True)
        office = QLabel(f"{card.code} · {card.name}", self)
        office.setObjectName("office")
        office.setFont(bold)
        office.setWordWrap(True)
        level = QLabel(vocab_label(OFFICE_LEVEL, card.level), self)
        self.how = QLabel(
            self.tr(
                "Phone {office} and ask them to read out the fingerprint their TipDesk showed "
                "when they saved this key file. Type it here; spaces, dashes and small letters "
                "do not matter. The office is enrolled only if the fingerprint matches."
            ).format(office=card.code),
            self,
        )
        self.how.setWordWrap(True)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setFont(monospace())
        shape = "-".join(["\u2022" * 4] * 8)  # eight groups of four, as read out
        self.fingerprint.setPlaceholderText(shape)
        self.fingerprint.setMinimumWidth(
            self.fingerprint.fontMetrics().horizontalAdvance("W" * 4 * 8 + "-" * 7) + 24
        )
        self.profile = QComboBox(self)
        self.profile.addItem(self.tr("Full case data"), "full")
        self.profile.addItem(
            self.tr("De-identified: no names, NIK, contacts, places or notes"), "deidentified"
        )
        known = (enrolled or {}).get(card.code)
        index = self.profile.findData(known or "full")
        self.profile.setCurrentIndex(max(index, 0))
        self.again = QLabel(
            self.tr(
                "{office} is already enrolled here. Enrolling this key file replaces the key "
                "kept for it."
            ).format(office=card.code),
            self,
        )
        self.again.setWordWrap(True)
        self.again.setStyleSheet(WARNING_STYLE)
        self.again.setVisible(known is not None)
        self.message = message_label(self)

        form = QFormLayout()
        form.addRow(self.tr("Office"), office)
        form.addRow(self.tr("Level"), level)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        form.addRow(self.tr("It receives from us"), self.profile)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.enrol_button = self.buttons.addButton(
            self.tr("Enrol"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.enrol_button.setEnabled(False)
        self.fingerprint.textChanged.connect(
            lambda text: self.enrol_button.setEnabled(bool(text.strip()))
        )
        self.buttons.accepted.connect(self.enrol)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.how)
        layout.addLayout(form)
        layout.addWidget(self.again)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def enrol(self) -> bool:
        """Ask the sync service to enrol the office; a refusal stays in the dialog."""
        try:
            from tipdesk.services import sync  # not at start-up: the app opens faster

            self.peer = sync.trust_key_file(
                self.session, self.data, self.fingerprint.text(), profile=self.profile.currentData()
            )
        except TipdeskError as exc:
            self.message.setText(refusal_text(exc))
            self.message.show()
            self.fingerprint.setFocus()
            return False
        except Exception as exc:
            report(self, exc)
            return False
        self.accept()
        return True


# --- the recovery key --------------------------------------------------------------------


def print_recovery_key(
    printer: QPrinter, title: str, office: str, secret: str, advice: str
) -> bool:
    """Paint the recovery key on one page; False if the printer could not start."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        margin = printer.resolution() * 0.8
        area = QRectF(margin, margin, page.width() - 2 * margin, page.height() - 2 * margin)
        heading = QFont("sans-serif", 16)
        heading.setBold(True)
        top = area.top()
        for text, font in (
            (title, heading),
            (office, QFont("sans-serif", 12)),
            (secret, monospace(12)),
            (advice, QFont("sans-serif", 11)),
        ):
            painter.setFont(font)
            box = painter.boundingRect(
                QRectF(area.left(), top, area.width(), area.height()),
                int(Qt.TextFlag.TextWrapAnywhere),
                text,
            )
            painter.drawText(box, int(Qt.TextFlag.TextWrapAnywhere), text)
            top = box.bottom() + painter.fontMetrics().height()
    finally:
        painter.end()
    return True


class RecoveryKeyDialog(QDialog):
    """A province's recovery key, shown once: it stays open until the user says it is on
    paper (like the recovery code of a new register)."""

    def __init__(self, secret: str, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.secret = secret
        self.office = office
        self.setWindowTitle(self.tr("Recovery key for batches"))
        intro = QLabel(
            self.tr(
                "Batches that districts send to {office} are now also locked to this key. If "
                "this register is ever lost, the key still opens them. It is shown only now and "
                "is not kept on this computer."
            ).format(office=office),
            self,
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(secret, self)
        self.key_label.setObjectName("secret")
        self.key_label.setFont(monospace(12))  # on one line: a break would look like a dash
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(
            self.tr(
                "Print it or write it on paper now, check every character, and lock the paper "
                "away apart from this laptop and from the register's recovery code. Do not save "
                "it in a file or a message. Then save this office's key file again and give it "
                "to each district, so that their batches use the recovery key."
            ),
            self,
        )
        self.advice.setWordWrap(True)
        self.confirm = QCheckBox(
            self.tr("I have printed the recovery key or written it down"), self
        )
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.print_key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (intro, self.key_label, self.advice, self.confirm, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(max(640, self.key_label.sizeHint().width() + 48))

    def reject(self) -> None:
        # Escape or the window's close button: only once the key is on paper.
        if self.confirm.isChecked():
            super().reject()

    def print_key(self) -> bool:
        return ask_and_print(self, self.secret, self.office)


def ask_and_print(parent: QWidget | None, secret: str, office: str) -> bool:
    """The print dialog, then the recovery key on one page; False if nothing printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    title = QCoreApplication.translate("RecoveryKeyDialog", "TipDesk recovery key for batches")
    office_line = QCoreApplication.translate(
        "RecoveryKeyDialog", "Office {office}, printed {day}"
    ).format(office=office, day=dt.date.today().strftime("%d/%m/%Y"))
    advice = QCoreApplication.translate(
        "RecoveryKeyDialog",
        "It opens the batches sent to this office if its register is "
        "lost. Keep this paper locked away, apart from the laptop and from the register's "
        "recovery code.",
    )
    return print_recovery_key(printer, title, office_line, secret, advice)
