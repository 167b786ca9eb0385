"""The province's decisions on two persons of two offices (issue 23): "same person",
with an optional note, and unlinking a link, with a reason
(``tipdesk.services.casework.people_links``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.services.casework import people_links
from tipdesk.services.casework.people_links import CandidatePair, CandidateSide
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text
from tipdesk.ui.dialogs.transfer import ReasonBox
from tipdesk.ui.widgets.forms import message_label


def who(side: CandidateSide) -> str:
    """A person of a pair as the review shows them: the name and the office's code."""
    return f"{side.person.full_name} ({side.office_code})"


class LinkDialog(QDialog):
    """The pair is one person: an optional note, and Link (tests replace ``ask``)."""

    def __init__(self, pair: CandidatePair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Same person"))
        text = QLabel(
            self.tr(
                "{first} and {second} are one person. Both offices see that the person is "
                "registered at the other too (its office and case number, nothing more); "
                "neither record changes."
            ).format(first=who(pair.a), second=who(pair.b)),
            self,
        )
        text.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Optional: how you know"))
        form = QFormLayout()
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(self)
        self.link_button = buttons.addButton(
            self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @classmethod
    def ask(cls, pair: CandidatePair, parent: QWidget | None) -> str | None:
        """The note (maybe ""), or None if cancelled."""
        dialog = cls(pair, parent)
        return dialog.note.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class UnlinkDialog(QDialog):
    """Remove a link, with a reason (required; it is asked for, not kept)."""

    def __init__(self, session: Session, link_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.link_id = link_id
        self.unlinked = False
        self.setWindowTitle(self.tr("Unlink"))
        text = QLabel(
            self.tr(
                "The two persons are two people after all: both offices stop seeing the "
                "other's office and case number."
            ),
            self,
        )
        text.setWordWrap(True)
        self.reason = ReasonBox(self, minimum=people_links.MIN_REASON)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.message = message_label(self)
        buttons = QDialogButtonBox(self)
        self.unlink_button = buttons.addButton(
            self.tr("Unlink"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlink_button.setObjectName("unlink")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.unlink)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def unlink(self) -> None:
        self.message.hide()
        try:
            people_links.unlink(self.session, self.link_id, self.reason.text())
        except TipdeskError as exc:
            self.message.setText(refusal_text(exc))
            self.message.show()
            return
        self.unlinked = True
        self.accept()

    @classmethod
    def run(cls, session: Session, link_id: str, parent: QWidget | None = None) -> bool:
        dialog = cls(session, link_id, parent)
        dialog.exec()
        return dialog.unlinked
