"""Documents in the referral letter dialog (issue 24): ticked documents are listed in the
letter's Lampiran and printed after it on the same print job, from memory."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.conftest import TODAY, new_case, provider
from tests.helpers import letter_settings
from tipdesk.domain import records as r
from tipdesk.services import letters
from tipdesk.services.access import audit
from tipdesk.services.casework import cases, documents
from tipdesk.ui.dialogs.letter import Confirm, LetterDialog


@pytest.fixture(autouse=True)
def yes(monkeypatch):
    """Every yes/no question of the dialog ("issue number N now?") answered yes."""
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))


@pytest.fixture
def printed_to(monkeypatch, tmp_path):
    """The print dialog accepted at once, its high-resolution printer writing a PDF file
    (the path returned) instead of going to paper."""
    out = tmp_path / "printed.pdf"

    def exec_(dialog):
        printer = dialog.printer()
        assert printer.resolution() >= 300  # QPrinter.HighResolution
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return out


def two_page_pdf() -> bytes:
    """A scanned police report of two pages (ReportLab)."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for n in (1, 2):
        pdf.setFont("Helvetica-Bold", 40)
        pdf.drawString(72, 700, f"Laporan polisi {n}")
        pdf.rect(72, 200, 400, 400, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def red_photo() -> bytes:
    """A landscape photo, red all over (Pillow)."""
    out = io.BytesIO()
    Image.new("RGB", (900, 600), (220, 20, 20)).save(out, "PNG")
    return out.getvalue()


def referral_with_documents(session) -> tuple[str, r.Referral, r.Document, r.Document]:
    letters.save_letter_settings(session, letter_settings())
    file = new_case(session, consent_services=True, consent_date=TODAY, consent_by="korban")
    number = file.case.case_number
    ref = r.Referral(
        case_id=file.case.id,
        provider_id=provider(session, contact_title="Direktur").id,
        services_requested=["health"],
        reason="Perlu pemeriksaan visum.",
        urgency="urgent",
    )
    cases.add_referral(session, ref)
    report = documents.attach(
        session,
        number,
        two_page_pdf(),
        kind="police_report",
        file_name="LP Maria Goreti.pdf",
        document_on=dt.date(2026, 11, 20),
    )
    photo = documents.attach(
        session,
        number,
        red_photo(),
        kind="photo",
        file_name="luka-maria.png",
        document_on=dt.date(2026, 11, 25),
    )
    return number, ref, report, photo


def opened(qtbot, session, number: str, ref: r.Referral) -> LetterDialog:
    dialog = LetterDialog(session, number, ref.id)
    qtbot.addWidget(dialog)
    return dialog


def items(dialog: LetterDialog) -> list[str]:
    found = dialog.documents_box.list
    return [found.item(i).text() for i in range(found.count())]


def tick(dialog: LetterDialog, row: int) -> None:
    dialog.documents_box.list.item(row).setCheckState(Qt.CheckState.Checked)


def text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def colour_at_centre(path, page: int) -> QColor:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    image = document.render(page, QSize(210, 297)).convertToFormat(QImage.Format.Format_ARGB32)
    document.close()
    return QColor(image.pixel(105, 100))


def test_the_case_documents_are_listed_by_kind_date_and_size_and_ticking_one_lists_it(
    qtbot, session
):
    number, ref, _report, _photo = referral_with_documents(session)
    dialog = opened(qtbot, session, number, ref)
    assert dialog.documents_box.isVisibleTo(dialog)
    listed = items(dialog)
    assert listed[0].startswith("Police report · 20/11/2026 · ")
    assert listed[1].startswith("Photo · 25/11/2026 · ")
    assert listed[0].endswith(" kB")  # its size
    assert not any("Maria" in line or "luka" in line for line in listed)
    assert dialog.attachments.text() == "none"
    tick(dialog, 0)
    assert dialog.attachments.value() == 1  # the Lampiran counts it
    dialog.show_draft()
    draft = text(dialog.letter.pdf)
    assert "1 (satu) berkas" in draft
    assert "1. Laporan polisi, 20 November 2026" in draft and "Foto" not in draft
    assert "Maria Goreti" not in draft


def test_printing_prints_the_chosen_documents_after_the_letter(qtbot, session, printed_to):
    number, ref, report, photo = referral_with_documents(session)
    dialog = opened(qtbot, session, number, ref)
    tick(dialog, 0)
    tick(dialog, 1)
    assert dialog.issue()
    assert letters.letters_of_referral(session, ref.id)[-1].documents == (report.id, photo.id)
    assert "2 (dua) berkas" in text(dialog.letter.pdf)
    letter_pages = dialog.document.pageCount()
    assert dialog.documents_box.print_after.isChecked()
    dialog.print_button.click()
    printed = PdfReader(printed_to)
    assert len(printed.pages) == letter_pages + 2 + 1  # the report's two pages, the photo
    assert "Laporan polisi 1" not in text(printed_to.read_bytes())  # pages as images
    red = colour_at_centre(printed_to, letter_pages + 2)
    assert red.red() > 180 and red.green() < 80 and red.blue() < 80  # the photo fills it
    dark = colour_at_centre(printed_to, letter_pages)
    assert dark.lightness() < 60  # the report's black square
    assert dialog.message.text() == (
        f"Letter {dialog.letter.number} and its attached documents (2) sent to the printer."
    )
    viewed = [e.record_id for e in audit.case_entries(session, number)]
    assert report.id in viewed and photo.id in viewed  # each read for printing is audited


def test_the_issued_letter_reopens_with_its_documents_and_prints_without_them_if_asked(
    qtbot, session, printed_to
):
    number, ref, _report, photo = referral_with_documents(session)
    letters.issue_letter(session, ref.id, documents=[photo.id])
    dialog = opened(qtbot, session, number, ref)
    ticked = [
        dialog.documents_box.list.item(i).checkState() == Qt.CheckState.Checked for i in range(2)
    ]
    assert ticked == [False, True]
    letter_pages = dialog.document.pageCount()
    dialog.print_button.click()
    assert len(PdfReader(printed_to).pages) == letter_pages + 1
    dialog.documents_box.print_after.setChecked(False)
    dialog.print_button.click()
    assert len(PdfReader(printed_to).pages) == letter_pages
    assert dialog.message.text() == f"Letter {dialog.letter.number} sent to the printer."


def test_a_case_without_documents_says_where_to_add_them(qtbot, session):
    letters.save_letter_settings(session, letter_settings())
    file = new_case(session, consent_services=True, consent_date=TODAY, consent_by="korban")
    ref = r.Referral(
        case_id=file.case.id,
        provider_id=provider(session).id,
        services_requested=["health"],
        reason="Perlu pemeriksaan.",
        urgency="urgent",
    )
    cases.add_referral(session, ref)
    dialog = opened(qtbot, session, file.case.case_number, ref)
    assert not dialog.documents_box.list.isVisibleTo(dialog)
    assert "no documents to attach" in dialog.documents_box.hint.text()
    assert not dialog.documents_box.print_after.isEnabled()


def test_a_listed_document_removed_since_is_left_out_and_said_so(qtbot, session, printed_to):
    number, ref, report, photo = referral_with_documents(session)
    letters.issue_letter(session, ref.id, documents=[report.id, photo.id])
    documents.remove_document(session, report.id)
    dialog = opened(qtbot, session, number, ref)
    assert "2 (dua) berkas" in text(dialog.letter.pdf)  # the letter as issued
    letter_pages = dialog.document.pageCount()
    dialog.print_button.click()
    assert len(PdfReader(printed_to).pages) == letter_pages + 1  # the photo only
    assert dialog.message.text() == (
        f"Letter {dialog.letter.number} sent to the printer; 1 of its attached documents "
        "could not be read for printing and were left out."
    )
