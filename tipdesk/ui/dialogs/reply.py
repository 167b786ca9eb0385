"""Record the provider's reply to a referral letter: accepted, declined or completed, when,
a note, and when to follow up (the follow-up date shows on the Home screen).

Saved through ``letters.record_reply``; problems appear under their fields in the user's
language. ``record()`` is the one entry point (tests replace ``exec``).
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, TipdeskError, ValidationFailed
from tipdesk.domain.messages import describe_error
from tipdesk.domain.vocab import REFERRAL_STATUS
from tipdesk.services.session import Session
from tipdesk.ui.i18n import current_language
from tipdesk.ui.widgets.forms import (
    ChoiceEditor,
    RecordForm,
    message_label,
    refusal,
    save_cancel_buttons,
)

REPLY_FIELDS = ("status", "responded_on", "follow_up_on", "response")
# The statuses a referral may have for a reply to be recorded (the service decides).
REPLY_ALLOWED = ("sent", "accepted")


def can_record_reply(referral: r.Referral | None) -> bool:
    """Whether to offer "Record reply…" for a referral: its letter was sent, or the
    provider accepted and a later answer (declined, completed) is still to come."""
    return referral is not None and referral.status in REPLY_ALLOWED


class ReplyDialog(QDialog):
    def __init__(
        self,
        session: Session,
        referral: r.Referral,
        provider_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from tipdesk.services import letters  # with ReportLab: loaded on first use

        self._letters = letters
        self.session = session
        self.referral = copy.deepcopy(referral)
        self.warnings: list[Problem] = []
        self.setWindowTitle(self.tr("Record the provider's reply"))
        lang = current_language()
        status = ChoiceEditor(
            r.fields_of(r.Referral)["status"],
            [(REFERRAL_STATUS.label(code, lang), code) for code in self._letters.REPLY_STATUSES],
        )
        omit = [n for n in r.editable_fields(r.Referral) if n not in REPLY_FIELDS]
        self.form = RecordForm(
            r.Referral,
            ((QT_TRANSLATE_NOOP("RecordForm", "Reply"), REPLY_FIELDS),),
            custom={"status": status},
            omit=omit,
            parent=self,
        )
        shown = copy.deepcopy(self.referral)
        if shown.status not in self._letters.REPLY_STATUSES:
            shown.status = "accepted"  # the usual answer; the user changes it if not
        shown.responded_on = shown.responded_on or session.today()
        self.form.load(shown)
        # Required here though not for every referral: a reply has a date.
        responded = self.form.labels["responded_on"]
        responded.setText(responded.text() + " *")
        about = QLabel(self)
        about.setObjectName("about")
        about.setWordWrap(True)
        number = self.referral.letter_number
        about.setText(
            self.tr("Reply of {provider} to letter {number}.").format(
                provider=provider_name or "-", number=number
            )
            if number
            else self.tr("Reply of {provider}.").format(provider=provider_name or "-")
        )
        self.message = message_label(self)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(820, self.sizeHint().height())

    def save(self) -> bool:
        """Record the reply through the service and close; False (problems shown) if not."""
        self.message.hide()
        self.form.clear_problems()
        edited, problems = self.form.edited_copy(self.referral)
        if edited.status is None:
            problems.append(Problem("status", "required"))
        if edited.responded_on is None and not any(p.field == "responded_on" for p in problems):
            problems.append(Problem("responded_on", "required"))
        if problems:
            self._refused(ValidationFailed(problems))
            return False
        try:
            self.warnings = self._letters.record_reply(
                self.session,
                self.referral.id,
                status=edited.status,
                responded_on=edited.responded_on,
                response=edited.response or "",
                follow_up_on=edited.follow_up_on,
            )
        except ValidationFailed as exc:
            self._refused(exc)
            return False
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()))
            return False
        self.accept()
        return True

    def _refused(self, exc: ValidationFailed) -> None:
        text, first = refusal(exc, self.form)
        self._say(text)
        if first:
            self.form.focus_field(first)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @classmethod
    def record(
        cls,
        session: Session,
        referral: r.Referral,
        provider_name: str = "",
        parent: QWidget | None = None,
    ) -> list[Problem] | None:
        """Show the dialog; the warnings of the recorded reply, or None if cancelled."""
        dialog = cls(session, referral, provider_name, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.warnings
            return None
        finally:
            dialog.deleteLater()
