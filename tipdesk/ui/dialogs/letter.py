"""The letter of one record of a case: a preview, issuing with a number, print and save.

One dialog for every kind of letter (``kind``): the referral letter of a referral, the
request to LPSK of an LPSK request, the handover record of a return. The PDF is rendered
by the letters service and shown from memory (QtPdf reads it from a ``QBuffer``); nothing
is written to disk except where the user saves it. A record without a letter shows the
draft with its options and "Issue letter"; one with a letter shows the letter as issued,
to print, save, or replace with a new number. Refusals from the service show as
translated sentences in the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QImageIOHandler,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
)
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import ConsentToReferMissing, LetterSettingsIncomplete, TipdeskError
from tipdesk.domain.letters import file_name_for
from tipdesk.domain.messages import describe_error, describe_problem, field_label
from tipdesk.domain.vocab import (
    LETTER_LANGUAGE,
    LPSK_PROTECTION,
    RETURN_ESCORT,
    SERVICE_TYPE,
    URGENCY,
)
from tipdesk.services import letters
from tipdesk.services.access import permissions
from tipdesk.services.casework import cases
from tipdesk.services.casework import documents as case_documents
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.letter_documents import DocumentsBox
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import format_date, vocab_label
from tipdesk.ui.widgets.forms import ERROR_STYLE, WARNING_STYLE
from tipdesk.ui.widgets.pdf_preview import (
    OK_STYLE,
    OutputBox,
    PdfPreview,
    save_where_chosen,
)

MAX_ATTACHMENTS = 20
REDRAW_MS = 300  # a draft is drawn again once the options stop changing
BAND_ROWS = 512  # a printed page is rendered this many pixel rows at a time
MAX_DPI = 600  # finer than this only makes the print job larger, not the text sharper
IMAGE_MARGIN_MM = 15  # round a photo printed after a letter: most printers cannot reach the edge


@contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor while a letter renders (20-300 ms on the UI thread)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


# --- printing -------------------------------------------------------------------------------


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """Paper as the letter's first page and no margins of the printer's own: the letter
    has its margins (3 cm left, 2 cm right) and the print dialog starts from them."""
    if document.pageCount() < 1:
        return
    points = document.pagePointSize(0)
    printer.setPageSize(
        QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def pages_to_print(document: QPdfDocument, printer: QPrinter) -> list[int]:
    """The pages (from 0) the user chose in the print dialog: all, or a range."""
    count = document.pageCount()
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), printer.toPage() or count
        return list(range(max(0, first - 1), min(count, last)))
    return list(range(count))


@dataclass(frozen=True)
class Attached:
    """A document to print after a letter: its format (``pdf``, ``jpeg``, ...) and bytes."""

    media_type: str
    data: bytes


@dataclass(frozen=True)
class Printed:
    """What went to the printer: pages in all, and the attached documents Qt could not
    read (left out)."""

    pages: int
    unreadable: int = 0


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the document's pages on ``printer``, each rendered at the printer's
    resolution (at most ``MAX_DPI``, in bands, so that no page needs one huge image); the
    number of pages printed, 0 if the printer could not start."""
    return print_with_documents(document, printer, ()).pages


def print_with_documents(
    document: QPdfDocument, printer: QPrinter, attached: Sequence[Attached]
) -> Printed:
    """The document's pages (those chosen in the print dialog), then every page of each
    attached document, in one print job: PDFs page by page as a letter's pages are,
    images scaled to fit the paper with their shape kept."""
    pages = pages_to_print(document, printer)
    if not pages:
        return Printed(0)
    painter = QPainter()
    if not painter.begin(printer):
        return Printed(0)
    printed = unreadable = 0
    try:
        for page in pages:
            if printed and not printer.newPage():
                return Printed(printed, unreadable)
            _paint_page(painter, document, page, printer)
            printed += 1
        for item in attached:
            done = _paint_attached(painter, printer, item, started=printed > 0)
            if done is None:
                unreadable += 1
            else:
                printed += done
    finally:
        painter.end()
    return Printed(printed, unreadable)


def _paint_attached(
    painter: QPainter, printer: QPrinter, item: Attached, *, started: bool
) -> int | None:
    """Paint one attached document on pages of its own; its pages, or None if it cannot
    be read (nothing painted). Read from memory: never a temporary file."""
    buffer = QBuffer()
    buffer.setData(QByteArray(item.data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        if item.media_type == "pdf":
            return _paint_attached_pdf(painter, printer, buffer, started=started)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)  # a phone photo's EXIF orientation
        if not reader.canRead() or not reader.size().isValid():
            return None
        if started and not printer.newPage():
            return 0
        return 1 if _paint_image(painter, printer, reader) else None
    finally:
        buffer.close()


def _paint_attached_pdf(
    painter: QPainter, printer: QPrinter, buffer: QBuffer, *, started: bool
) -> int | None:
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return None
        for page in range(document.pageCount()):
            if (started or page) and not printer.newPage():
                return page
            _paint_page(painter, document, page, printer)
        return document.pageCount()
    finally:
        document.close()


def _paint_image(painter: QPainter, printer: QPrinter, reader: QImageReader) -> bool:
    """The image as large as the paper holds within ``IMAGE_MARGIN_MM``, its shape kept,
    centred across the page; decoded no finer than ``MAX_DPI`` needs."""
    dpi = printer.resolution()
    margin = round(IMAGE_MARGIN_MM / 25.4 * dpi)
    page = printer.pageLayout().paintRectPixels(dpi)
    area = page.adjusted(margin, margin, -margin, -margin)
    raw = reader.size()
    turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    upright = raw.transposed() if turned else raw
    fit = upright.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    # Pixels enough for MAX_DPI on paper, never more than the image has.
    scale = min(1.0, fit.width() * min(dpi, MAX_DPI) / dpi / upright.width())
    decoded = QSize(max(1, round(upright.width() * scale)), max(1, round(upright.height() * scale)))
    reader.setScaledSize(decoded.transposed() if turned else decoded)
    image = reader.read()
    if image.isNull():
        return False
    left = area.x() + (area.width() - fit.width()) // 2
    painter.drawImage(QRect(left, area.y(), fit.width(), fit.height()), image)
    return True


def print_document(
    parent: QWidget,
    document: QPdfDocument,
    *,
    doc_name: str,
    title: str,
    say: Callable[[str, str], None],
) -> bool:
    """The print dialog, then ``document`` printed as it is: what Print… does for a
    letter and for the plan. True once printed; says so when the printer cannot start."""
    printer = ask_printer(parent, document, doc_name=doc_name, title=title)
    if printer is None:
        return False
    with wait_cursor():
        printed = print_pdf(document, printer)
    if not printed:
        say(printer_failed(), ERROR_STYLE)
    return bool(printed)


def ask_printer(
    parent: QWidget, document: QPdfDocument, *, doc_name: str, title: str
) -> QPrinter | None:
    """The print dialog for ``document``: its printer once accepted, None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, document)
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def printer_failed() -> str:
    return QCoreApplication.translate(
        "LetterDialog",
        "The printer could not start. Check that it is on and connected, then try again.",
    )


def _paint_page(painter: QPainter, document: QPdfDocument, page: int, printer: QPrinter) -> None:
    dpi = printer.resolution()
    dots = min(dpi, MAX_DPI)  # pixels per inch of the rendered page
    points = document.pagePointSize(page)
    width, height = points.width() * dots / 72, points.height() * dots / 72
    area = printer.pageLayout().paintRectPixels(dpi)
    # As large as the letter itself, smaller only if the chosen paper cannot hold it.
    scale = min(1.0, area.width() / (width * dpi / dots), area.height() / (height * dpi / dots))
    full = QSize(max(1, round(width * scale)), max(1, round(height * scale)))
    band = QImage(full.width(), min(BAND_ROWS, full.height()), QImage.Format.Format_RGB32)
    painter.save()
    painter.scale(dpi / dots, dpi / dots)
    try:
        for top in range(0, full.height(), BAND_ROWS):
            rows = min(BAND_ROWS, full.height() - top)
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(full)
            options.setScaledClipRect(QRect(0, top, full.width(), rows))
            image = document.render(page, QSize(full.width(), rows), options)
            # PDFium leaves the paper transparent: lay it on white before it goes out.
            band.fill(Qt.GlobalColor.white)
            with _painting(band) as on_band:
                on_band.drawImage(QPoint(0, 0), image)
            painter.drawImage(QPoint(0, top), band, QRect(0, 0, full.width(), rows))
    finally:
        painter.restore()


@contextmanager
def _painting(image: QImage) -> Iterator[QPainter]:
    painter = QPainter(image)
    try:
        yield painter
    finally:
        painter.end()


# --- questions (tests replace ``ask``) ------------------------------------------------------


class Confirm:
    """A yes/no question before something that cannot be taken back."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, detail: str, yes: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(detail)
        go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(
            QCoreApplication.translate("LetterDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go


# --- the dialog -----------------------------------------------------------------------------


# The case file's list that holds the record each kind of letter is issued for.
RECORD_LISTS = {
    letters.REFERRAL: "referrals",
    letters.LPSK_REQUEST: "lpsk_requests",
    letters.HANDOVER: "returns",
}


class LetterDialog(QDialog):
    """The letter of one record of a case (see the module's description)."""

    def __init__(
        self,
        session: Session,
        case_number: str,
        record_id: str,
        *,
        kind: str = letters.REFERRAL,
        unsaved: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.kind = kind
        self.record_id = record_id
        self.file: r.CaseFile | None = None
        self.record: Any = None  # the referral, LPSK request or return
        self.issued: list = []  # the record's archived letters, oldest first
        self.letter: letters.Letter | None = None  # what the preview shows
        self.changed = False  # a letter was issued while the dialog was open
        self.setWindowTitle(self._window_title().format(number=case_number))
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setSingleShot(True)
        self.redraw_timer.setInterval(REDRAW_MS)
        self.redraw_timer.timeout.connect(self.show_draft)
        self._build(unsaved)
        self._fit_screen()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self, unsaved: bool) -> None:
        self.preview = PdfPreview(self)
        self.document, self.view = self.preview.document, self.preview.view
        self.preview_title = self.preview.title
        self.whole_page_button = self.preview.whole_page_button
        bold = QFont(self.preview_title.font())
        preview = QVBoxLayout()
        preview.setContentsMargins(0, 0, 0, 0)
        preview.addWidget(self.preview, 1)

        panel = QWidget(self)
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 6, 0)
        self.heading = QLabel(panel)
        self.heading.setObjectName("heading")
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.details = QLabel(panel)
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.state = QLabel(panel)
        self.state.setObjectName("state")
        self.state.setWordWrap(True)
        side.addWidget(self.heading)
        side.addWidget(self.details)
        side.addWidget(self.state)
        self.unsaved_note = QLabel(
            self.tr(
                "The case file has changes that are not saved; the letter uses the case as last "
                "saved."
            ),
            panel,
        )
        self.unsaved_note.setObjectName("unsaved_note")
        self.unsaved_note.setWordWrap(True)
        self.unsaved_note.setStyleSheet(WARNING_STYLE)
        self.unsaved_note.setVisible(unsaved)
        side.addWidget(self.unsaved_note)

        consent = QGroupBox(self.tr("Consent"), panel)
        consent_layout = QVBoxLayout(consent)
        self.consent_label = QLabel(consent)
        self.consent_label.setObjectName("consent")
        self.consent_label.setWordWrap(True)
        self.identity_label = QLabel(consent)
        self.identity_label.setObjectName("identity")
        self.identity_label.setWordWrap(True)
        consent_layout.addWidget(self.consent_label)
        consent_layout.addWidget(self.identity_label)
        self.override_note = QLabel(consent)
        self.override_note.setObjectName("override_note")
        self.override_note.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(consent)
        self.reason_edit.setObjectName("override_reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            self.tr(
                "Why the letter must go without recorded consent (at least {minimum} characters)"
            ).format(minimum=letters.MIN_OVERRIDE_REASON)
        )
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 3 + 12)
        consent_layout.addWidget(self.override_note)
        consent_layout.addWidget(self.reason_edit)
        side.addWidget(consent)

        self.options = QGroupBox(panel)
        form = QFormLayout(self.options)
        self.language = QComboBox(self.options)
        self.language.setObjectName("language")
        lang = current_language()
        for term in LETTER_LANGUAGE:
            self.language.addItem(LETTER_LANGUAGE.label(term.code, lang), term.code)
        self.attachments = QSpinBox(self.options)
        self.attachments.setObjectName("attachments")
        self.attachments.setRange(0, MAX_ATTACHMENTS)
        self.attachments.setSpecialValueText(self.tr("none"))
        form.addRow(field_label("language", lang), self.language)
        form.addRow(field_label("attachments", lang), self.attachments)
        # A handover record has no Lampiran line.
        form.setRowVisible(self.attachments, self.kind != letters.HANDOVER)
        self.issue_button = QPushButton(self.tr("Issue letter"), self.options)
        self.issue_button.setObjectName("issue")
        self.issue_button.setToolTip(self._issue_tip())
        self.issue_button.clicked.connect(self.issue)
        self.new_button = QPushButton(self.tr("New letter with a new number…"), self.options)
        self.new_button.setObjectName("new_letter")
        self.new_button.clicked.connect(self.new_letter)
        self.show_button = QPushButton(self.tr("Show the issued letter"), self.options)
        self.show_button.setObjectName("show_issued")
        self.show_button.clicked.connect(lambda: self.show_issued())
        self.settings_button = QPushButton(self.tr("Letter settings…"), self.options)
        self.settings_button.setObjectName("letter_settings")
        self.settings_button.clicked.connect(self.edit_settings)
        for button in (self.issue_button, self.new_button, self.show_button, self.settings_button):
            form.addRow(button)
        self.settings_button.hide()
        side.addWidget(self.options)
        self.language.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.attachments.valueChanged.connect(lambda _v: self._options_changed())
        # A referral letter can list documents of the case in its Lampiran.
        self.documents_box = DocumentsBox(panel)
        self.documents_box.setVisible(self.kind == letters.REFERRAL)
        self.documents_box.changed.connect(self._documents_changed)
        self.chosen_count = 0  # documents ticked, as last counted in the Lampiran
        side.addWidget(self.documents_box)

        output = OutputBox(
            self.tr(
                "A printed or saved letter is not encrypted and shows data about a victim. Keep "
                "it only where people who are not authorised cannot read it."
            ),
            self.tr("Save as PDF…"),
            self.print_letter,
            self.save_letter,
            panel,
        )
        self.unencrypted_note = output.unencrypted_note
        self.print_button, self.save_button = output.print_button, output.save_button
        side.addWidget(output)

        self.letter_warnings = QLabel(panel)
        self.letter_warnings.setObjectName("letter_warnings")
        self.letter_warnings.setWordWrap(True)
        self.letter_warnings.setStyleSheet(WARNING_STYLE)
        self.message = QLabel(panel)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.addWidget(self.letter_warnings)
        side.addWidget(self.message)
        side.addStretch(1)
        self.letter_warnings.hide()
        self.message.hide()

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        scroll.setFixedWidth(400)
        self.panel_scroll = scroll

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(preview, 1)
        body.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    def _fit_screen(self) -> None:
        """Large enough to read the page, within the screen (1366x768 at the least)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen else QRect(0, 0, 1366, 728)
        self.resize(min(1240, room.width() - 24), min(720, room.height() - 40))

    # --- what the dialog shows ------------------------------------------------------------

    @property
    def consent_to_refer(self) -> bool:
        return bool(self.file and self.file.case.consent_services)

    @property
    def referral_id(self) -> str:
        return self.record_id

    @property
    def referral(self) -> r.Referral | None:
        return self.record if self.kind == letters.REFERRAL else None

    def recorded_number(self) -> str:
        """The letter number the record names (its own letter, or one made elsewhere)."""
        if self.record is None:
            return ""
        if self.kind == letters.HANDOVER:
            return self.record.handover_number
        return self.record.letter_number

    def recorded_date(self) -> dt.date | None:
        if self.kind == letters.REFERRAL:
            return self.record.letter_date
        if self.kind == letters.HANDOVER:
            return self.record.handover_on
        return self.record.requested_on

    @property
    def sent_elsewhere(self) -> bool:
        """The record names a letter this computer's archive does not hold (issued by
        another office's register, or recorded with its number only)."""
        return bool(not self.issued and self.recorded_number())

    @property
    def has_letter(self) -> bool:
        return bool(self.issued) or self.sent_elsewhere

    def latest_number(self) -> str:
        if self.issued:
            return self.issued[-1].number
        return self.recorded_number()

    def refresh(self) -> None:
        """Read the record and its letters again and show the letter it has, or a draft."""
        self.message.hide()
        try:
            # The first read is the user opening the case's letter (audited, once while
            # they stay on the case); reading it again after a change is not.
            self.file = cases.open_case(self.session, self.case_number, audit=self.file is None)
        except TipdeskError as exc:
            self._fail(exc)
            return
        self.record = self._find_record(None)
        if self.record is None:
            self._say(self._gone_text(), ERROR_STYLE)
            self._show_pdf(None)
            self._set_buttons()
            return
        self.issued = letters.issued_for(self.session, self.kind, self.record_id)
        self._show_about()
        self._list_documents()
        if self.issued or self.sent_elsewhere:
            self.show_issued()
        else:
            language = letters.letter_settings(self.session).language
            index = self.language.findData(language)
            self.language.blockSignals(True)
            self.language.setCurrentIndex(max(0, index))
            self.language.blockSignals(False)
            self.show_draft()

    # --- what differs between the kinds of letter ------------------------------------------

    def _find_record(self, default: Any) -> Any:
        assert self.file is not None
        found = getattr(self.file, RECORD_LISTS[self.kind])
        return next((x for x in found if x.id == self.record_id and not x.deleted), default)

    def _window_title(self) -> str:
        if self.kind == letters.LPSK_REQUEST:
            return self.tr("Letter to LPSK — case {number}")
        if self.kind == letters.HANDOVER:
            return self.tr("Handover record — case {number}")
        return self.tr("Referral letter — case {number}")

    def _issue_tip(self) -> str:
        if self.kind == letters.REFERRAL:
            return self.tr(
                "Give the letter the next number of the year, keep it in the letter archive and "
                "mark the referral sent"
            )
        return self.tr(
            "Give the letter the next number of the year, keep it in the letter archive and "
            "note its number on the record"
        )

    def _gone_text(self) -> str:
        if self.kind == letters.REFERRAL:
            return self.tr("This referral is no longer in the case.")
        return self.tr("This record is no longer in the case.")

    def _issued_text(self) -> str:
        if self.kind == letters.REFERRAL:
            return self.tr("Letter {number} issued; the referral is marked sent.")
        if self.kind == letters.HANDOVER:
            return self.tr("Handover record {number} issued; the return shows its number.")
        return self.tr("Letter {number} issued; the LPSK request shows its number.")

    def _about_record(self) -> tuple[str, str]:
        """The heading and the details of the record the letter is for."""
        assert self.file is not None
        record, lang = self.record, current_language()
        if self.kind == letters.LPSK_REQUEST:
            asked = ", ".join(vocab_label(LPSK_PROTECTION, c) for c in record.protection_types)
            return self.tr("To the Chair of LPSK, Jakarta"), (
                f"{field_label('requested_on', lang)}: {format_date(record.requested_on)}\n"
                f"{field_label('protection_types', lang)}: {asked or '-'}"
            )
        if self.kind == letters.HANDOVER:
            return self.tr("Handover by {escort}").format(
                escort=vocab_label(RETURN_ESCORT, record.escort) or "-"
            ), (
                f"{field_label('arrived_on', lang)}: {format_date(record.arrived_on) or '-'}\n"
                f"{field_label('handover_on', lang)}: {format_date(record.handover_on) or '-'}"
            )
        provider = self.file.providers.get(record.provider_id)
        services = ", ".join(vocab_label(SERVICE_TYPE, c) for c in record.services_requested)
        return self.tr("To {provider}").format(provider=provider.name if provider else "-"), (
            f"{field_label('services_requested', lang)}: {services or '-'}\n"
            f"{field_label('urgency', lang)}: {vocab_label(URGENCY, record.urgency)}"
        )

    def _show_about(self) -> None:
        assert self.file is not None and self.record is not None
        heading, details = self._about_record()
        self.heading.setText(heading)
        self.details.setText(details)
        case = self.file.case
        if case.consent_services:
            self.consent_label.setText(self.tr("✓ Consent to be referred is recorded."))
            self.consent_label.setStyleSheet(OK_STYLE)
        else:
            self.consent_label.setText(
                self.tr(
                    "✗ No consent to be referred is recorded (Consents to services, on the Case "
                    "tab)."
                )
            )
            self.consent_label.setStyleSheet(ERROR_STYLE)
        latest = self.issued[-1] if self.issued else None
        shares = latest.includes_identity if latest else bool(case.consent_share)
        if latest:
            self.identity_label.setText(
                self.tr("The letter shows the person's name and NIK.")
                if shares
                else self.tr("The letter shows only the person's initials, age and sex.")
            )
        else:
            self.identity_label.setText(
                self.tr(
                    "Consent to share identity is recorded: the letter shows the "
                    "person's name and NIK."
                )
                if shares
                else self.tr(
                    "No consent to share identity: the letter shows only the person's "
                    "initials, age and sex."
                )
            )
        if case.consent_services:
            self.override_note.hide()
            self.reason_edit.hide()
        elif letters.can_override(self.session):
            self.override_note.setText(
                self.tr(
                    "Without that consent a letter goes only as a supervisor's override: write "
                    "the reason below. It is kept in the letter archive."
                )
            )
            self.override_note.setStyleSheet("")
            self.override_note.show()
            self.reason_edit.show()
        else:
            self.override_note.setText(
                self.tr(
                    "A letter is not issued without that consent. Record it on the Case tab, or "
                    "ask a supervisor, who can override it with a reason."
                )
            )
            self.override_note.setStyleSheet(ERROR_STYLE)
            self.override_note.show()
            self.reason_edit.hide()
        if latest:
            state = self.tr("Letter {number} of {date}, issued by {user} in {language}.").format(
                number=latest.number,
                date=format_date(_day(latest.issued_on)),
                user=latest.username,
                language=vocab_label(LETTER_LANGUAGE, latest.language),
            )
            if len(self.issued) > 1:
                earlier = (
                    self.tr("Earlier letters of this referral, replaced by it: {count}.")
                    if self.kind == letters.REFERRAL
                    else self.tr("Earlier letters of this record, replaced by it: {count}.")
                )
                state += " " + earlier.format(count=len(self.issued) - 1)
            self.options.setTitle(self.tr("A new letter instead"))
        elif self.sent_elsewhere:
            elsewhere = (
                self.tr(
                    "Letter {number} of {date} was sent; this computer's letter archive does "
                    "not hold it (it was issued by another office's register, or recorded with "
                    "its number only). Shown is a copy made now from the case, marked as a copy."
                )
                if self.kind == letters.REFERRAL
                else self.tr(
                    "The record names letter {number} of {date}; this computer's letter archive "
                    "does not hold it (it was issued by another office's register, or typed "
                    "in). Shown is a copy made now from the case, marked as a copy."
                )
            )
            state = elsewhere.format(
                number=self.recorded_number(), date=format_date(self.recorded_date())
            )
            self.options.setTitle(self.tr("A new letter instead"))
        else:
            state = self.tr(
                "Not issued yet. The draft below has no number; the letter "
                "gets one when it is issued."
            )
            self.options.setTitle(self.tr("Letter"))
        self.state.setText(state)

    def _options_changed(self) -> None:
        if not self.has_letter:
            self.redraw_timer.start()

    def _list_documents(self) -> None:
        """The case's documents to tick: those the issued letter lists, or as ticked."""
        if self.kind != letters.REFERRAL:
            return
        try:
            found = case_documents.list_documents(self.session, self.case_number)
        except TipdeskError:
            found = []  # (a case the user may not see fails with its own message)
        latest = self.issued[-1] if self.issued else None
        ticked = latest.documents if latest else self.documents_box.chosen()
        self.documents_box.show_documents(found, ticked)

    def chosen_documents(self) -> list[str]:
        """The documents ticked for the letter (none for a letter that lists none)."""
        return self.documents_box.chosen() if self.kind == letters.REFERRAL else []

    def _documents_changed(self) -> None:
        """The Lampiran counts the ticked documents, and as many other papers as it
        counted before."""
        count = len(self.chosen_documents())
        others = max(0, self.attachments.value() - self.chosen_count)
        self.chosen_count = count
        self.attachments.setRange(count, max(MAX_ATTACHMENTS, count))
        self.attachments.setSpecialValueText("" if count else self.tr("none"))
        self.attachments.setValue(count + others)
        self._options_changed()

    def show_draft(self) -> None:
        """Render the draft with the chosen language and attachments (nothing is written)."""
        self.redraw_timer.stop()
        try:
            with wait_cursor():
                letter = letters.draft(
                    self.session,
                    self.kind,
                    self.record_id,
                    language=self.language.currentData(),
                    attachments=self.attachments.value(),
                    documents=self.chosen_documents(),
                )
        except TipdeskError as exc:
            self._fail(exc)
            return
        self._show_letter(letter)

    def show_issued(self) -> None:
        """The latest letter exactly as archived, or a copy of a letter the archive does
        not hold (its consent checked again)."""
        reason = "" if self.consent_to_refer else self.reason()
        try:
            with wait_cursor():
                show = letters.reprint if self.issued else letters.copy_of
                letter = show(self.session, self.kind, self.record_id, override_reason=reason)
        except TipdeskError as exc:
            self._fail(exc)
            return
        self.message.hide()
        self._show_letter(letter)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip() if self.reason_edit.isVisibleTo(self) else ""

    def _show_letter(self, letter: letters.Letter) -> None:
        self.letter = letter
        self._show_pdf(letter.pdf)
        lang = current_language()
        if letter.is_copy:
            self.preview_title.setText(
                self.tr("Copy of letter {number}").format(number=letter.number)
            )
        elif letter.row is not None:
            self.preview_title.setText(self.tr("Letter {number}").format(number=letter.number))
        else:
            self.preview_title.setText(self.tr("Draft — not issued, no number"))
        self.letter_warnings.setText("\n".join(describe_problem(p, lang) for p in letter.warnings))
        self.letter_warnings.setVisible(bool(letter.warnings))
        self._set_buttons()

    def _show_pdf(self, pdf: bytes | None) -> None:
        self.preview.show_pdf(pdf, self.preview_title.text())

    def _set_buttons(self) -> None:
        has_record = self.record is not None
        issued = self.has_letter
        may_issue = has_record and (self.consent_to_refer or letters.can_override(self.session))
        self.issue_button.setVisible(not issued)
        self.issue_button.setEnabled(
            has_record and not issued and may_issue and self.letter is not None
        )
        self.new_button.setVisible(issued)
        self.new_button.setEnabled(issued and may_issue)
        showing_issued = self.letter is not None and bool(self.letter.number)
        self.show_button.setVisible(
            issued and not showing_issued and may_issue and not self.consent_to_refer
        )
        shown = showing_issued and self.document.status() == QPdfDocument.Status.Ready
        self.print_button.setEnabled(shown)
        self.save_button.setEnabled(shown)

    def _fail(self, exc: TipdeskError) -> None:
        """A refusal from the service: said in the dialog, in the user's language."""
        lang = current_language()
        text = describe_error(exc, lang)
        if (
            isinstance(exc, ConsentToReferMissing)
            and self.has_letter
            and self.reason_edit.isVisibleTo(self)
        ):
            text += "\n" + self.tr(
                "To see the letter, write the reason and press “Show the issued letter”."
            )
        self.letter = None
        self._show_pdf(None)
        self._say(text, ERROR_STYLE)
        self.settings_button.setVisible(
            isinstance(exc, LetterSettingsIncomplete)
            and permissions.allowed(self.session, "edit_letter_settings")
        )
        self._set_buttons()

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    # --- actions --------------------------------------------------------------------------

    def issue(self) -> bool:
        """After asking "issue number N now?", issue the letter shown as a draft; True if
        it was."""
        return self._issue(new=False)

    def new_letter(self) -> bool:
        """After asking, replace the record's letter with a new one and a new number."""
        if not self.has_letter:
            return False
        return self._issue(new=True)

    def _issue(self, *, new: bool) -> bool:
        reason = "" if self.consent_to_refer else self.reason()
        lang = current_language()
        try:
            # The number is looked at, not taken: Cancel leaves the office's count alone.
            number = letters.coming_number(
                self.session,
                self.kind,
                self.record_id,
                new=new,
                override_reason=reason,
                documents=self.chosen_documents(),
            )
        except TipdeskError as exc:
            self._say(describe_error(exc, lang), ERROR_STYLE)
            return False
        taken = ""
        while True:
            if not self._confirm_number(number, new=new, taken=taken):
                return False
            try:
                with wait_cursor():
                    letter = letters.issue(
                        self.session,
                        self.kind,
                        self.record_id,
                        language=self.language.currentData(),
                        attachments=self.attachments.value(),
                        documents=self.chosen_documents(),
                        new=new,
                        override_reason=reason,
                        expected_number=number,
                    )
                break
            except letters.LetterNumberTaken as exc:
                # Issued elsewhere meanwhile: nothing was taken here; ask with the new one.
                taken, number = number, str(exc.params["next"])
            except TipdeskError as exc:
                # The draft stays in view; only the reason for the refusal is added.
                self._say(describe_error(exc, lang), ERROR_STYLE)
                return False
        self.changed = True
        # Read again for the record's new state: not another opening of the case.
        self.file = cases.open_case(self.session, self.case_number, audit=False)
        self.record = self._find_record(self.record)
        self.issued = letters.issued_for(self.session, self.kind, self.record_id)
        self._show_about()
        self._show_letter(letter)
        self._say(self._issued_text().format(number=letter.number), OK_STYLE)
        return True

    def _confirm_number(self, number: str, *, new: bool, taken: str) -> bool:
        """Ask before the office's next number is taken for good, naming it."""
        earlier = self.latest_number() if new else ""
        referral = self.kind == letters.REFERRAL
        if new:
            text = self.tr("Issue a new letter with number {number} instead of {earlier}?")
            detail = (
                self.tr(
                    "Letter {earlier} stays in the letter archive. Tell the provider that "
                    "the new letter replaces it."
                )
                if referral
                else self.tr(
                    "Letter {earlier} stays in the letter archive; the record shows the new "
                    "number instead."
                )
            )
        else:
            text = self.tr("Issue the letter with number {number} now?")
            detail = (
                self.tr(
                    "The number is the office's next official number: once issued, it cannot "
                    "be given again. The letter is kept in the letter archive and the referral "
                    "is marked sent."
                )
                if referral
                else self.tr(
                    "The number is the office's next official number: once issued, it cannot "
                    "be given again. The letter is kept in the letter archive and its number "
                    "is noted on the record."
                )
            )
        if taken:
            text = (
                self.tr("Number {taken} was just taken by another letter.").format(taken=taken)
                + " "
                + text
            )
        return Confirm.ask(
            self,
            self.tr("New letter") if new else self.tr("Issue letter"),
            text.format(number=number, earlier=earlier),
            detail.format(earlier=earlier),
            self.tr("Issue number {number}").format(number=number),
        )

    def edit_settings(self) -> None:
        from tipdesk.ui.dialogs.letter_settings import LetterSettingsDialog

        if LetterSettingsDialog.edit(self.session, self):
            self.settings_button.hide()
            self.refresh()

    def print_letter(self) -> None:
        """The print dialog, then the letter and, when asked, the documents it lists (read
        from the register, audited, only once the dialog was accepted)."""
        if self.letter is None or not self.letter.number:
            return
        number = self.letter.number
        listed = self.printed_documents()
        printer = ask_printer(
            self,
            self.document,
            doc_name=file_name_for(number),
            title=self.tr("Print letter {number}").format(number=number),
        )
        if printer is None:
            return
        with wait_cursor():
            attached, missing = self._read_documents(listed)
            printed = print_with_documents(self.document, printer, attached)
        left_out = missing + printed.unreadable
        if not printed.pages:
            self._say(printer_failed(), ERROR_STYLE)
        elif left_out:
            self._say(
                self.tr(
                    "Letter {number} sent to the printer; {count} of its attached documents "
                    "could not be read for printing and were left out."
                ).format(number=number, count=left_out),
                WARNING_STYLE,
            )
        elif attached:
            self._say(
                self.tr(
                    "Letter {number} and its attached documents ({count}) sent to the printer."
                ).format(number=number, count=len(attached)),
                OK_STYLE,
            )
        else:
            self._say(
                self.tr("Letter {number} sent to the printer.").format(number=number), OK_STYLE
            )

    def _read_documents(self, ids: list[str]) -> tuple[list[Attached], int]:
        """The documents' bytes, each read through the service (audited), and how many
        could not be read (removed since the letter was issued, or damaged)."""
        attached, missing = [], 0
        for document_id in ids:
            try:
                document, data = case_documents.read_document(self.session, document_id)
            except TipdeskError:
                missing += 1
                continue
            attached.append(Attached(document.media_type or "", data))
        return attached, missing

    def printed_documents(self) -> list[str]:
        """The documents to print after the letter shown: those it lists, if "print them
        after" is ticked (a copy made now, or a draft, lists none to print)."""
        row = self.letter.row if self.letter is not None else None
        if row is None or self.kind != letters.REFERRAL:
            return []
        if not self.documents_box.print_after.isChecked():
            return []
        return list(row.documents)

    def save_letter(self) -> bool:
        """After the warning, save the letter as a PDF where the user chooses."""
        if self.letter is None or not self.letter.number:
            return False
        if not Confirm.ask(
            self,
            self.tr("Save as PDF"),
            self.tr("Save letter {number} as an unencrypted PDF file?").format(
                number=self.letter.number
            ),
            self.unencrypted_note.text(),
            self.tr("Choose where…"),
        ):
            return False
        return save_where_chosen(
            self,
            self.letter.pdf,
            title=self.tr("Save letter {number}").format(number=self.letter.number),
            file_name=file_name_for(self.letter.number),
            not_saved=self.tr("The letter was not saved: {reason}"),
            say=self._say,
        )

    @classmethod
    def show_for(
        cls,
        session: Session,
        case_number: str,
        record_id: str,
        *,
        kind: str = letters.REFERRAL,
        unsaved: bool = False,
        parent: QWidget | None = None,
    ) -> bool:
        """Show the dialog; True if a letter was issued meanwhile."""
        dialog = cls(session, case_number, record_id, kind=kind, unsaved=unsaved, parent=parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None
