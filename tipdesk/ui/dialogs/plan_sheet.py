"""The intervention plan of a case as printed for the case conference: the pages in
preview, the paper's language, Print… and Save a copy….

The PDF is made by the plan sheet service off the UI thread (a fifth of a second to half
a second; each making is audited there) and shown from memory; nothing is written to
disk except where the user saves a copy, after the same warning as an unencrypted letter.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.messages import field_label
from tipdesk.domain.vocab import LETTER_LANGUAGE
from tipdesk.services import letters
from tipdesk.services.casework import plan_sheet
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.dialogs.letter import (
    OK_STYLE,
    Confirm,
    print_document,
)
from tipdesk.ui.i18n import current_language
from tipdesk.ui.operations import Operation, run_in_background
from tipdesk.ui.widgets.forms import ERROR_STYLE
from tipdesk.ui.widgets.pdf_preview import OutputBox, PdfPreview, save_where_chosen


class PlanSheetDialog(QDialog):
    """The printable plan of one case (see the module's description)."""

    def __init__(self, session: Session, case_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.pdf: bytes | None = None  # what the preview shows
        self.operation: Operation | None = None
        self._again = False  # the language changed while the plan was being made
        self.setWindowTitle(self.tr("Intervention plan — case {number}").format(number=case_number))
        self._build()
        self._fit_screen()
        self.make()

    def _build(self) -> None:
        self.preview = PdfPreview(self)

        panel = QWidget(self)
        panel.setFixedWidth(320)
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 0, 0)
        about = QLabel(
            self.tr(
                "The plan as it now reads in the case file, for the case conference: the "
                "victim's name, sex, age and risk, the needs found, the goals by domain with "
                "the services and referrals that serve them, and the approval."
            ),
            panel,
        )
        about.setWordWrap(True)
        side.addWidget(about)

        options = QGroupBox(self.tr("Paper"), panel)
        form = QFormLayout(options)
        self.language = QComboBox(options)
        self.language.setObjectName("language")
        lang = current_language()
        for term in LETTER_LANGUAGE:
            self.language.addItem(LETTER_LANGUAGE.label(term.code, lang), term.code)
        index = self.language.findData(letters.letter_settings(self.session).language)
        self.language.setCurrentIndex(max(0, index))
        self.language.currentIndexChanged.connect(lambda _i: self.make())
        form.addRow(field_label("language", lang), self.language)
        side.addWidget(options)

        output = OutputBox(
            self.tr(
                "A printed or saved plan is not encrypted and shows data about a victim. Keep "
                "it only where people who are not authorised cannot read it."
            ),
            self.tr("Save a copy…"),
            self.print_plan,
            self.save_copy,
            panel,
        )
        self.unencrypted_note = output.unencrypted_note
        self.print_button, self.save_button = output.print_button, output.save_button
        side.addWidget(output)

        self.message = QLabel(panel)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        side.addWidget(self.message)
        side.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.preview, 1)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._set_buttons()

    def _fit_screen(self) -> None:
        """Large enough to read the page, within the screen (1024x768 at the least)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen else QRect(0, 0, 1024, 728)
        self.resize(min(1100, room.width() - 24), min(720, room.height() - 40))

    # --- the paper ------------------------------------------------------------------------

    def make(self) -> None:
        """Make the plan in the chosen language, off the UI thread, and show it."""
        if self.operation is not None:
            self._again = True
            return
        language = self.language.currentData()
        self.operation = run_in_background(
            self,
            self.windowTitle(),
            self.tr("Making the plan…"),
            lambda _p, _c: plan_sheet.plan_pdf(self.session, self.case_number, language=language),
            success=self._show,
            failure=self._fail,
            cancellable=False,
            whole_app=True,  # it writes the audit row on the session's connection
        )
        self.operation.ended.connect(self._ended)
        self._set_buttons()

    def _ended(self) -> None:
        self.operation = None
        if self._again:
            self._again = False
            self.make()
        self._set_buttons()

    def _show(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.message.hide()
        self.preview.show_pdf(pdf)
        self.preview.title.setText(
            self.tr("Intervention plan — pages: {pages}").format(pages=self.page_count())
        )

    def _fail(self, error: BaseException) -> None:
        if not isinstance(error, TipdeskError):
            report(self, error)
            return
        self.pdf = None
        self.preview.show_pdf(None)
        self._say(refusal_text(error), ERROR_STYLE)

    def page_count(self) -> int:
        return self.preview.document.pageCount() if self.pdf else 0

    def _set_buttons(self) -> None:
        shown = self.pdf is not None and self.operation is None and self.preview.ready
        self.print_button.setEnabled(shown)
        self.save_button.setEnabled(shown)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    # --- print and save -------------------------------------------------------------------

    def file_name(self) -> str:
        # The case number, not the person's name: a file name is seen by anyone nearby.
        return f"{self.case_number}-rencana-intervensi.pdf"

    def print_plan(self) -> None:
        if self.pdf is not None and print_document(
            self,
            self.preview.document,
            doc_name=self.file_name(),
            title=self.tr("Print the plan of case {number}").format(number=self.case_number),
            say=self._say,
        ):
            self._say(self.tr("The plan went to the printer."), OK_STYLE)

    def save_copy(self) -> bool:
        """After the warning, save the plan as a PDF where the user chooses."""
        if self.pdf is None:
            return False
        if not Confirm.ask(
            self,
            self.tr("Save a copy"),
            self.tr("Save the plan of case {number} as an unencrypted PDF file?").format(
                number=self.case_number
            ),
            self.unencrypted_note.text(),
            self.tr("Choose where…"),
        ):
            return False
        return save_where_chosen(
            self,
            self.pdf,
            title=self.tr("Save the plan of case {number}").format(number=self.case_number),
            file_name=self.file_name(),
            not_saved=self.tr("The plan was not saved: {reason}"),
            say=self._say,
        )

    @classmethod
    def run(cls, session: Session, case_number: str, parent: QWidget | None = None) -> None:
        """Show the plan of ``case_number`` until the user closes it."""
        dialog = cls(session, case_number, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
