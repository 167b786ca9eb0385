"""The printable intervention plan in the app: its pages in preview, the paper's
language, Save a copy after the warning, and a plan with no goals said plainly."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from tests.conftest import new_case
from tests.services.casework.test_plan_sheet import plan_case
from tests.ui.conftest import settle
from tipdesk.services.access import audit
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.letter import Confirm
from tipdesk.ui.dialogs.plan_sheet import PlanSheetDialog


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[str]:
    """The dialog's yes/no questions (their text), each answered yes unless a test
    answers otherwise."""
    asked: list[str] = []

    def ask(cls, parent, title, text, detail, yes):
        asked.append(text)
        return True

    monkeypatch.setattr(Confirm, "ask", classmethod(ask))
    return asked


def opened(qtbot, session, number: str) -> PlanSheetDialog:
    dialog = PlanSheetDialog(session, number)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    return dialog


def text_of(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def test_a_demo_case_s_plan_shows_its_pages(qtbot, session):
    add_demo_cases(session, 40, seed=7)
    with_goals = [
        row["case_number"]
        for row in session.db.query(
            "SELECT DISTINCT c.case_number FROM plan_goals g JOIN cases c ON c.id = g.case_id"
            " WHERE g.deleted = 0 ORDER BY c.case_number"
        )
    ]
    assert with_goals, "the demo gives some cases a plan"
    dialog = opened(qtbot, session, with_goals[0])
    assert dialog.preview.ready and dialog.preview.document.pageCount() >= 1
    assert dialog.preview.title.text().endswith(f"pages: {dialog.page_count()}")
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert "Rencana Intervensi" in text_of(dialog.pdf)  # the office writes Indonesian


def test_choosing_english_makes_the_plan_again_in_english(qtbot, session):
    number = plan_case(session).case.case_number
    dialog = opened(qtbot, session, number)
    assert "Belum disetujui" in text_of(dialog.pdf)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    settle()
    said = text_of(dialog.pdf)
    assert "Intervention plan" in said and "Not approved yet: 2 of 2 goals" in said
    assert dialog.preview.ready
    prints = [e for e in audit.case_entries(session, number) if e.detail.get("format") == "pdf"]
    assert len(prints) == 2  # each making of the paper is a read of the case


def test_save_a_copy_warns_then_writes_the_pdf(qtbot, session, tmp_path, monkeypatch, questions):
    number = plan_case(session).case.case_number
    dialog = opened(qtbot, session, number)
    target = tmp_path / "out" / "rencana"
    target.parent.mkdir()
    offered: list[str] = []

    def choose(parent, title, start, filters):
        offered.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    assert dialog.save_copy()
    assert questions == [f"Save the plan of case {number} as an unencrypted PDF file?"]
    assert offered[0].endswith(f"{number}-rencana-intervensi.pdf")  # no name in it
    saved = target.with_name("rencana.pdf")
    assert saved.read_bytes() == dialog.pdf
    assert dialog.message.text() == f"Saved as {saved}."


def test_save_a_copy_cancelled_at_the_warning_writes_nothing(qtbot, session, tmp_path, monkeypatch):
    number = plan_case(session).case.case_number
    dialog = opened(qtbot, session, number)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: False))
    chosen: list[str] = []

    def choose(parent, title, start, filters):
        chosen.append(start)
        return str(tmp_path / "rencana.pdf"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    assert not dialog.save_copy()
    assert chosen == [] and list(tmp_path.glob("*.pdf")) == []
    # Cancelled in the file dialog after the warning: nothing either.
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    assert not dialog.save_copy()
    assert list(tmp_path.rglob("*.pdf")) == []


def test_a_plan_without_goals_says_so_and_offers_nothing_to_print(qtbot, session):
    number = new_case(session).case.case_number
    dialog = opened(qtbot, session, number)
    assert dialog.pdf is None and dialog.preview.document.pageCount() == 0
    assert dialog.message.isVisible()
    assert dialog.message.text() == (
        f"The intervention plan of case {number} has no goal yet, so there is nothing to "
        "print. Add its goals on the Assessment & plan tab."
    )
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_the_dialog_fits_1024_by_768_in_indonesian(qtbot, qapp, session):
    i18n.install("id", qapp)
    dialog = opened(qtbot, session, plan_case(session).case.case_number)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768 - 40
    assert dialog.print_button.text() == "Cetak…"
    assert dialog.preview.title.text() == "Rencana intervensi — jumlah halaman: 1"


def test_print_sends_the_plan_or_says_the_printer_did_not_start(qtbot, session, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from tipdesk.ui.dialogs import letter

    file = plan_case(session)
    dialog = opened(qtbot, session, file.case.case_number)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled())
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    printed: list[int] = []

    def fails(document, printer):  # a printer that cannot start prints no page
        return 0

    monkeypatch.setattr(letter, "print_pdf", fails)
    dialog.print_button.click()
    assert dialog.message.text().startswith("The printer could not start.")
    monkeypatch.setattr(
        letter, "print_pdf", lambda document, printer: printed.append(document.pageCount()) or 1
    )
    dialog.print_button.click()
    assert printed == [dialog.page_count()] and printed[0] >= 1
    assert dialog.message.text() == "The plan went to the printer."
