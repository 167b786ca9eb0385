"""Add or edit a service, a referral or a note of a case.

Each dialog saves through the service layer itself and closes only when the record is
written; problems appear under their fields in the user's language. ``edit()`` is the
one entry point (tests replace ``exec`` to fill the form as a user would).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, TipdeskError, ValidationFailed
from tipdesk.domain.messages import describe_error
from tipdesk.domain.validation import validate
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.services.casework import cases
from tipdesk.services.session import Session
from tipdesk.ui.i18n import current_language
from tipdesk.ui.widgets.forms import (
    ChoiceEditor,
    FieldEditor,
    RecordForm,
    message_label,
    refusal,
    save_cancel_buttons,
)

Item = r.Service | r.Referral | r.CaseNote


def provider_editor(session: Session, record_type: type) -> ChoiceEditor:
    """A choice of the providers in the directory, named with their type."""
    lang = current_language()
    types = VOCABULARIES["provider_type"]
    choices = [
        (
            f"{p.name} ({types.label(p.provider_type, lang)})"
            if p.provider_type in types
            else p.name,
            p.id,
        )
        for p in cases.list_providers(session)
    ]
    editor = ChoiceEditor(r.fields_of(record_type)["provider_id"], choices)
    if not choices:
        editor.combo.setPlaceholderText(
            QCoreApplication.translate("ItemDialog", "No providers in the directory yet")
        )
    return editor


def lay_out_form(
    dialog: QDialog, form: QWidget, *, width: int, tallest: int
) -> tuple[QLabel, QDialogButtonBox]:
    """A record dialog's body: the form, scrolling; the message line; Save and Cancel.
    The dialog is as tall as the form needs, up to ``tallest`` (a 768-line screen)."""
    scroll = QScrollArea(dialog)
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)
    message = message_label(dialog)
    buttons = save_cancel_buttons(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scroll, 1)
    layout.addWidget(message)
    layout.addWidget(buttons)
    dialog.resize(width, min(tallest, form.sizeHint().height() + 90))
    return message, buttons


class ItemDialog(QDialog):
    """A form for one item of a case, saved with ``save_new`` or ``save_existing``."""

    record_type: type
    sections: Sequence[tuple[str, Sequence[str]]] = ()
    omitted: Sequence[str] = ()  # fields edited elsewhere, not on this form
    save_new: Callable[[Session, Any], list[Problem]]
    save_existing: Callable[[Session, Any], list[Problem]] = staticmethod(cases.update_item)

    def __init__(
        self,
        session: Session,
        case: r.Case,
        item: Item | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.case = case
        self.is_new = item is None
        self.item: Any = copy.deepcopy(item) if item is not None else self.blank()
        self.warnings: list[Problem] = []
        self.setWindowTitle(self.title())
        self.form = RecordForm(
            self.record_type,
            self.sections,
            custom=self.custom_editors(),
            omit=self.omitted,
            parent=self,
        )
        self.form.load(self.item)
        self.message, self.buttons = lay_out_form(self, self.form, width=1000, tallest=640)

    # --- what each kind of item supplies ---------------------------------------------------

    def blank(self) -> Any:
        return self.record_type(case_id=self.case.id)

    def title(self) -> str:
        return ""

    def custom_editors(self) -> dict[str, FieldEditor]:
        return {}

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate, write through the service layer and close; False if refused."""
        self.message.hide()
        self.form.clear_problems()
        item, problems = self.form.edited_copy(self.item)
        if not problems:
            problems = validate(item, today=self.session.today())
        if any(p.is_error for p in problems):
            self._refused(ValidationFailed(problems))
            return False
        try:
            if self.is_new:
                self.warnings = type(self).save_new(self.session, item)
            else:
                self.warnings = type(self).save_existing(self.session, item)
        except ValidationFailed as exc:
            self._refused(exc)
            return False
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()))
            return False
        self.item = item
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
    def edit(
        cls, session: Session, case: r.Case, item: Item | None = None, parent: QWidget | None = None
    ) -> list[Problem] | None:
        """Show the dialog; the warnings of the saved item, or None if cancelled."""
        dialog = cls(session, case, item, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.warnings
            return None
        finally:
            dialog.deleteLater()


class ServiceDialog(ItemDialog):
    record_type = r.Service
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Service"),
            ("service_type", "status", "provider_id", "planned_on", "started_on", "completed_on"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Description and outcome"), ("description", "outcome")),
    )
    save_new = staticmethod(cases.add_service)

    def title(self) -> str:
        return self.tr("Add a service") if self.is_new else self.tr("Edit service")

    def custom_editors(self) -> dict[str, FieldEditor]:
        return {"provider_id": provider_editor(self.session, r.Service)}


class ReferralDialog(ItemDialog):
    record_type = r.Referral
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Referral"),
            ("provider_id", "urgency", "follow_up_on", "services_requested", "reason"),
        ),
    )
    # The letter (number, date, "sent") and the provider's reply have their own actions
    # on the Referrals tab; a new referral stays a draft until its letter is issued.
    omitted = ("status", "letter_date", "responded_on", "response")
    save_new = staticmethod(cases.add_referral)

    def title(self) -> str:
        return self.tr("Add a referral") if self.is_new else self.tr("Edit referral")

    def custom_editors(self) -> dict[str, FieldEditor]:
        return {"provider_id": provider_editor(self.session, r.Referral)}


class NoteDialog(ItemDialog):
    record_type = r.CaseNote
    sections = ((QT_TRANSLATE_NOOP("RecordForm", "Note"), ("noted_on", "text")),)
    save_new = staticmethod(cases.add_note)

    def __init__(
        self,
        session: Session,
        case: r.Case,
        item: Item | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, case, item, parent)
        self.resize(760, self.height())

    def blank(self) -> Any:
        return r.CaseNote(case_id=self.case.id, noted_on=self.session.today())

    def title(self) -> str:
        return self.tr("Add a note") if self.is_new else self.tr("Edit note")
