"""The office's letter settings (Office > Letter settings…): letterhead, logo, numbering,
signatory, copies, paper and language. Administrators only; the service checks again.

Saved through ``letters.save_letter_settings``; problems appear under their fields in the
user's language. ``edit()`` is the one entry point (tests replace ``exec``).
"""

from __future__ import annotations

import base64
import copy
import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, TipdeskError, ValidationFailed
from tipdesk.domain.letters import PLACEHOLDERS, letter_number, pattern_problems
from tipdesk.domain.messages import describe_error
from tipdesk.services import letters
from tipdesk.services.session import Session
from tipdesk.ui.i18n import current_language
from tipdesk.ui.widgets.forms import (
    ERROR_STYLE,
    WARNING_STYLE,
    FieldEditor,
    RecordForm,
    message_label,
    refusal,
    save_cancel_buttons,
)

LOGO_HEIGHT = 56  # pixels of the logo's preview

SECTIONS = (
    (QT_TRANSLATE_NOOP("RecordForm", "Letterhead"), ("letterhead", "address_lines", "logo")),
    (QT_TRANSLATE_NOOP("RecordForm", "Place, paper and language"), ("city", "paper", "language")),
    (
        QT_TRANSLATE_NOOP("RecordForm", "Letter numbers"),
        ("number_pattern", "unit_code", "classification_child", "classification_adult"),
    ),
    (
        QT_TRANSLATE_NOOP("RecordForm", "Signature"),
        ("signatory_title", "signatory_name", "signatory_rank", "signatory_nip"),
    ),
    (QT_TRANSLATE_NOOP("RecordForm", "Copies (tembusan)"), ("copies",)),
)


_CONTEXT = "LetterSettingsDialog"
# The parts of a letter number, explained (``tipdesk.domain.letters.PLACEHOLDERS``).
TOKENS = {
    "classification": QT_TRANSLATE_NOOP(
        "LetterSettingsDialog", "the classification code (for a child or an adult)"
    ),
    "number": QT_TRANSLATE_NOOP(
        "LetterSettingsDialog", "the letter's sequence number, from 1 each year"
    ),
    "unit": QT_TRANSLATE_NOOP("LetterSettingsDialog", "the unit code"),
    "month": QT_TRANSLATE_NOOP("LetterSettingsDialog", "the month as two digits (01 to 12)"),
    "month_roman": QT_TRANSLATE_NOOP("LetterSettingsDialog", "the month in Roman numerals (XI)"),
    "year": QT_TRANSLATE_NOOP("LetterSettingsDialog", "the year (2026)"),
    "office": QT_TRANSLATE_NOOP("LetterSettingsDialog", "the office code"),
}


class LogoEditor(FieldEditor):
    """The letterhead's logo: a PNG or JPEG chosen from a file, kept as base64 text."""

    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.value = ""
        self.unreadable = False
        self.preview = QLabel(self)
        self.preview.setObjectName("logo_preview")
        self.preview.setFixedSize(LOGO_HEIGHT * 2, LOGO_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_button = QPushButton(self.tr("Choose image…"), self)
        self.choose_button.setObjectName("choose_logo")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("remove_logo")
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.layout_.addWidget(self.preview)
        self.layout_.addLayout(buttons)
        self.layout_.addStretch(1)
        self._show()

    def write(self, value: Any) -> None:
        self.value = str(value or "")
        self.unreadable = False
        self._show()

    def read(self) -> tuple[Any, Problem | None]:
        if self.unreadable:
            return None, Problem(self.field.name, "invalid_logo")
        return self.value, None

    def text(self) -> str:
        return self.value

    def focus_widget(self) -> QWidget:
        return self.choose_button

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            self.value, self.unreadable = "", True
        else:
            self.value, self.unreadable = base64.b64encode(data).decode("ascii"), False
        self._show()
        self.changed.emit()

    def remove(self) -> None:
        self.value, self.unreadable = "", False
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        pixmap = QPixmap()
        if self.value:
            try:
                pixmap.loadFromData(base64.b64decode(self.value))
            except ValueError:
                pixmap = QPixmap()
        if not pixmap.isNull():
            self.preview.setPixmap(
                pixmap.scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(
                self.tr("Not an image") if self.value or self.unreadable else self.tr("No logo")
            )
        self.remove_button.setEnabled(bool(self.value) or self.unreadable)


class LetterSettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = letters.letter_settings(session)
        self.warnings: list[Problem] = []
        self.setWindowTitle(self.tr("Letter settings of the office"))
        self.logo = LogoEditor(r.fields_of(r.LetterSettings)["logo"])
        self.form = RecordForm(
            r.LetterSettings,
            SECTIONS,
            custom={"logo": self.logo},
            wide={"number_pattern"},
            parent=self,
        )
        self.form.load(self.settings)
        self.form.add_hint("number_pattern", self.tokens_text())
        self.example = self.form.add_hint("number_pattern")
        for name in ("number_pattern", "unit_code", "classification_child"):
            self.form.editors[name].changed.connect(self._show_example)
        self._show_example()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        intro = QLabel(
            self.tr(
                "How this office's referral letters look and are numbered. Letters already "
                "issued keep what they said."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.message = message_label(self)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # As tall as the form needs, within a 768-line screen.
        self.resize(940, min(660, self.form.sizeHint().height() + 110))

    def tokens_text(self) -> str:
        """What each ``{token}`` of the number pattern becomes, in the app's language."""
        lines = [self.tr("Must contain {number} and {year}. What each part becomes:")]
        for name in PLACEHOLDERS:
            meaning = QCoreApplication.translate(_CONTEXT, TOKENS[name]) if name in TOKENS else ""
            lines.append(f"{{{name}}} \u2013 {meaning}")
        return "\n".join(lines)

    def _show_example(self) -> None:
        pattern = self.form.editors["number_pattern"].text().strip()
        if not pattern or pattern_problems(pattern):
            self.example.hide()
            return
        text = {
            name: self.form.editors[name].text().strip()
            for name in ("unit_code", "classification_child")
        }
        try:
            number = letter_number(
                pattern,
                number=1,
                day=self.session.today(),
                classification=text["classification_child"],
                unit=text["unit_code"],
                office=self.session.office.code,
            )
        except (KeyError, IndexError, ValueError):
            self.example.hide()
            return
        self.example.setText(
            self.tr("The first letter of the year for a child: {number}").format(number=number)
        )
        self.example.show()

    def save(self) -> bool:
        """Save through the service; closes unless refused (problems shown) or warned."""
        self.message.hide()
        self.form.clear_problems()
        settings, problems = self.form.edited_copy(self.settings)
        if problems:
            self._refused(ValidationFailed(problems))
            return False
        try:
            self.warnings = letters.save_letter_settings(self.session, settings)
        except ValidationFailed as exc:
            self._refused(exc)
            return False
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()))
            return False
        self.settings = copy.deepcopy(settings)
        if self.warnings:
            # Saved; the warnings stay in view under their fields until the user closes.
            self.form.load(self.settings)
            self.form.show_problems(self.warnings)
            self._say(self.tr("Saved. Check the warnings above."), WARNING_STYLE)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
            self.form.changed.connect(self._edited_again)
            return True
        self.accept()
        return True

    def _edited_again(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def _refused(self, exc: ValidationFailed) -> None:
        text, first = refusal(exc, self.form)
        self._say(text)
        if first:
            self.form.focus_field(first)

    def _say(self, text: str, style: str = ERROR_STYLE) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    @classmethod
    def edit(cls, session: Session, parent: QWidget | None = None) -> bool:
        """Show the dialog; True if the settings were saved."""
        dialog = cls(session, parent)
        try:
            saved = dialog.exec() == QDialog.DialogCode.Accepted
            return saved or bool(dialog.warnings)
        finally:
            dialog.deleteLater()
