"""The letters of the case journey in the case file (issue 22): from the Legal tab the
request to LPSK of an LPSK request, from the Return tab the handover record of a return,
each previewed, issued after the question "issue number N?", reprinted and saved."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog

from tests.helpers import TODAY, add_journey, letter_settings, new_case
from tipdesk.domain import records as r
from tipdesk.services import letters
from tipdesk.services.casework import cases, journey
from tipdesk.ui.dialogs.letter import Confirm, LetterDialog
from tipdesk.ui.views.case_file import CaseFileWidget


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[tuple]:
    """The dialog's questions as (title, text, detail, yes button), each answered yes."""
    asked: list[tuple] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda c, _p, *q: asked.append(q) or True))
    return asked


@pytest.fixture
def made(session) -> dict:
    """A case with consent to be referred and one record of each kind of the journey."""
    letters.save_letter_settings(session, letter_settings())
    file = new_case(session, consent_services=True, consent_date=TODAY, consent_by="korban")
    return {"case": file.case, **add_journey(session, file.case.id)}


def stored(session, number: str) -> r.CaseFile:
    return cases.open_case(session, number, audit=False)


def row_texts(section, row: int = 0) -> list[str]:
    model = section.model
    return [model.index(row, c).data() or "" for c in range(model.columnCount())]


def issue_from(qtbot, session, number: str, tab: str, monkeypatch) -> tuple:
    """On the case file's ``tab`` ("legal" or "return"), select the first record of the
    section that has a letter, press its letter button and, in the dialog, issue the
    draft shown: the section, the button's text and what the dialog showed."""
    widget = CaseFileWidget(session, number)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show_tab(tab)
    if tab == "legal":
        section, button = (
            widget.journey.legal.sections["lpsk_requests"],
            widget.journey.legal.letter_button,
        )
    else:
        section, button = (
            widget.journey.returns.sections["returns"],
            widget.journey.returns.handover_button,
        )
    assert not button.isEnabled()  # nothing chosen yet
    section.view.selectRow(0)
    assert button.isEnabled()
    seen: dict = {}

    def exec_(dialog):
        seen["title"] = dialog.windowTitle()
        seen["draft"] = dialog.preview_title.text()
        seen["ready"] = dialog.document.status() == QPdfDocument.Status.Ready
        assert dialog.issue()
        seen["number"] = dialog.letter.number
        seen["message"] = dialog.message.text()
        seen["shown"] = dialog.preview_title.text()
        return 0

    monkeypatch.setattr(LetterDialog, "exec", exec_)
    with qtbot.waitSignal(widget.saved):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return section, button.text(), seen


def test_the_letter_to_lpsk_is_issued_from_the_legal_tab(
    qtbot, session, made, questions, monkeypatch
):
    number = made["case"].case_number
    section, text, seen = issue_from(qtbot, session, number, "legal", monkeypatch)
    assert text == "Letter to LPSK…"
    assert seen["title"] == f"Letter to LPSK — case {number}"
    assert seen["ready"] and seen["draft"] == "Draft — not issued, no number"
    assert seen["number"] == "400.2.3/1/UPTD-PPA/XI/2026"
    [(title, question, detail, yes)] = questions
    assert (title, question, yes) == (
        "Issue letter",
        f"Issue the letter with number {seen['number']} now?",
        f"Issue number {seen['number']}",
    )
    assert detail.endswith("its number is noted on the record.")
    assert seen["message"] == f"Letter {seen['number']} issued; the LPSK request shows its number."
    assert seen["shown"] == f"Letter {seen['number']}"
    # the list shows the number at once, and the request holds it
    [request] = stored(session, number).lpsk_requests
    assert request.letter_number == seen["number"]
    assert row_texts(section)[-1] == seen["number"]


def test_the_handover_record_is_issued_from_the_return_tab_and_reprinted(
    qtbot, session, made, tmp_path, monkeypatch
):
    number = made["case"].case_number
    back = made["returns"]
    back.handover_on = None
    journey.update_record(session, back)
    section, text, seen = issue_from(qtbot, session, number, "return", monkeypatch)
    assert text == "Handover record…"
    assert seen["title"] == f"Handover record — case {number}"
    assert seen["message"] == (
        f"Handover record {seen['number']} issued; the return shows its number."
    )
    [stored_return] = stored(session, number).returns
    assert (stored_return.handover_number, stored_return.handover_on) == (seen["number"], TODAY)
    texts = row_texts(section)
    assert "28/11/2026" in texts and seen["number"] in texts  # handover date and number

    # opened again: the record as issued, byte for byte, to save
    issued = letters.issued_for(session, letters.HANDOVER, back.id)[-1]
    dialog = LetterDialog(session, number, back.id, kind=letters.HANDOVER)
    qtbot.addWidget(dialog)
    assert dialog.preview_title.text() == f"Letter {seen['number']}"
    assert dialog.issue_button.isHidden() and not dialog.new_button.isHidden()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    target = tmp_path / "bast.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert dialog.save_letter()
    assert target.read_bytes() == letters.reprint(session, letters.HANDOVER, back.id).pdf
    assert issued.sha256 and issued.kind == "handover"


def test_without_consent_the_letter_is_not_issued_and_the_list_is_unchanged(
    qtbot, session, monkeypatch
):
    letters.save_letter_settings(session, letter_settings())
    file = new_case(session)  # no consent to be referred
    added = add_journey(session, file.case.id)
    session.user = dataclasses.replace(session.user, role="caseworker")
    dialog = LetterDialog(
        session, file.case.case_number, added["lpsk_requests"].id, kind=letters.LPSK_REQUEST
    )
    qtbot.addWidget(dialog)
    assert dialog.document.status() == QPdfDocument.Status.Ready  # the draft, to look at
    assert not dialog.issue_button.isEnabled()
    assert "No consent to be referred" in dialog.consent_label.text()
    assert not dialog.issue()
    assert dialog.message.text().startswith(f"Case {file.case.case_number} has no recorded consent")
    assert stored(session, file.case.case_number).lpsk_requests[0].letter_number == ""
