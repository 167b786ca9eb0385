"""Referral letters in the app: the preview from memory, issuing, print and save, the
consent gate and its override, the provider's reply, and the office's letter settings."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from tests.conftest import TODAY, new_case, provider
from tests.ui.conftest import fill_and_save
from tipdesk.domain import records as r
from tipdesk.domain.errors import ConsentToReferMissing, OverrideReasonNeeded
from tipdesk.domain.letters import file_name_for
from tipdesk.domain.messages import describe_error
from tipdesk.services import letters
from tipdesk.services.access import audit
from tipdesk.services.casework import cases
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.letter import Confirm, LetterDialog, prepare_printer, print_pdf
from tipdesk.ui.dialogs.letter_settings import LetterSettingsDialog
from tipdesk.ui.dialogs.reply import ReplyDialog
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.models.case_list import format_date
from tipdesk.ui.views.case_file import CaseFileWidget
from tipdesk.ui.views.home import HomeView

DAY = dt.timedelta(days=1)
REASON = "Anak dalam bahaya; wali tidak dapat dihubungi"


def letter_settings(**overrides) -> r.LetterSettings:
    values = dict(
        letterhead=["PEMERINTAH KOTA KUPANG", "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK"],
        address_lines=["Jl. Soeharto No. 57, Kupang"],
        city="Kupang",
        signatory_title="Kepala UPTD PPA Kota Kupang",
        signatory_name="Yuliana Ndolu, S.Sos",
        signatory_nip="197805122005012003",
        copies=["Arsip"],
    )
    values.update(overrides)
    return r.LetterSettings(**values)


REAL_ASK = Confirm.__dict__["ask"]


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[tuple[str, str, str]]:
    """The dialog's yes/no questions, as (title, text, yes button); each answered yes
    (a test that wants no puts its own answer in place)."""
    asked: list[tuple[str, str, str]] = []

    def ask(cls, parent, title, text, detail, yes):
        asked.append((title, text, yes))
        return True

    monkeypatch.setattr(Confirm, "ask", classmethod(ask))
    return asked


@pytest.fixture
def office(session):
    """A register whose admin has completed the letter settings."""
    letters.save_letter_settings(session, letter_settings())
    return session


def referral(
    session, *, consent=True, share=False, reason="Perlu pemeriksaan visum.", person_overrides=None
) -> tuple[str, r.Referral]:
    """A case (its number) with one draft referral to a hospital."""
    file = new_case(
        session,
        person_overrides,
        consent_services=consent,
        consent_share=share,
        consent_date=TODAY if consent or share else None,
        consent_by="korban" if consent or share else "",
    )
    hospital = provider(session, contact_title="Direktur")
    ref = r.Referral(
        case_id=file.case.id,
        provider_id=hospital.id,
        services_requested=["health"],
        reason=reason,
        urgency="urgent",
    )
    cases.add_referral(session, ref)
    return file.case.case_number, ref


def stored(session, number: str, referral_id: str) -> r.Referral:
    return next(x for x in cases.open_case(session, number).referrals if x.id == referral_id)


def open_dialog(qtbot, session, number: str, referral_id: str) -> LetterDialog:
    dialog = LetterDialog(session, number, referral_id)
    qtbot.addWidget(dialog)
    return dialog


def as_role(session, role: str):
    session.user = dataclasses.replace(session.user, role=role)
    return session


def ready(dialog: LetterDialog) -> bool:
    doc = dialog.document
    return doc.status() == QPdfDocument.Status.Ready and doc.pageCount() >= 1


# --- preview and issuing ------------------------------------------------------------------


def test_the_draft_shows_from_memory_and_issuing_marks_the_referral_sent(qtbot, office):
    number, ref = referral(office)
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert ready(dialog)
    assert dialog.letter is not None and dialog.letter.row is None
    assert dialog.preview_title.text() == "Draft — not issued, no number"
    assert dialog.issue_button.isEnabled()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "Consent to be referred is recorded" in dialog.consent_label.text()
    assert "only the person's initials" in dialog.identity_label.text()
    assert not dialog.unencrypted_note.isHidden()
    assert letters.letters_of_referral(office, ref.id) == []  # a draft writes nothing

    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    saved = stored(office, number, ref.id)
    issued = letters.letters_of_referral(office, ref.id)
    assert len(issued) == 1
    assert (saved.status, saved.letter_number, saved.letter_date) == (
        "sent",
        issued[0].number,
        TODAY,
    )
    assert dialog.changed
    assert ready(dialog)
    assert dialog.letter.number == issued[0].number
    assert dialog.preview_title.text() == f"Letter {issued[0].number}"
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.issue_button.isHidden() and not dialog.new_button.isHidden()
    assert dialog.message.text() == (
        f"Letter {issued[0].number} issued; the referral is marked sent."
    )


def test_issuing_from_the_dialog_writes_one_audit_row_and_no_second_view(qtbot, office):
    """The dialog reads the case again after issuing; that is not another opening of the
    case by the user, so the trail gets the letter and nothing more."""
    number, ref = referral(office)
    cases.open_case(office, number)  # the case file the dialog is opened from
    dialog = open_dialog(qtbot, office, number, ref.id)
    before = audit.entries(office, case_number=number)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    after = audit.entries(office, case_number=number)
    assert [e.action for e in after[: len(after) - len(before)]] == ["letter_issued"]


def test_a_referral_with_a_letter_shows_it_as_issued(qtbot, office):
    number, ref = referral(office)
    issued = letters.issue_letter(office, ref.id, attachments=2)
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert ready(dialog)
    assert dialog.letter.pdf == issued.pdf  # the archived bytes, not a new rendering
    assert dialog.letter.number == issued.number
    assert issued.number in dialog.state.text()
    assert dialog.issue_button.isHidden()
    assert dialog.new_button.isEnabled()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()


def test_changing_the_language_draws_the_draft_again(qtbot, office):
    number, ref = referral(office)
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert dialog.language.currentData() == "id"  # the office's default
    assert dialog.letter.content.language == "id"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.attachments.setValue(2)
    qtbot.waitUntil(lambda: dialog.letter.content.language == "en", timeout=3000)
    assert dialog.letter.content.attachments == 2
    assert ready(dialog)
    dialog.issue()
    assert letters.letters_of_referral(office, ref.id)[0].language == "en"


def test_the_letter_button_opens_the_selected_referral_and_the_case_file_follows(
    qtbot, office, monkeypatch
):
    number, ref = referral(office)
    widget = CaseFileWidget(office, number)
    qtbot.addWidget(widget)
    assert not widget.letter_button.isEnabled()
    widget.referrals_view.selectRow(0)
    assert widget.letter_button.isEnabled()
    assert not widget.reply_button.isEnabled()  # a draft has no reply yet
    widget.person_form.editors["occupation"].edit.setText("Petani")
    widget.person_form.editors["occupation"].changed.emit()
    seen = {}

    def exec_(dialog):
        seen["referral"] = dialog.referral_id
        seen["unsaved note"] = not dialog.unsaved_note.isHidden()
        dialog.issue_button.click()
        return 0

    monkeypatch.setattr(LetterDialog, "exec", exec_)
    with qtbot.waitSignal(widget.saved):
        qtbot.mouseClick(widget.letter_button, Qt.MouseButton.LeftButton)
    assert seen == {"referral": ref.id, "unsaved note": True}
    row = [widget.referrals_model.index(0, c).data() for c in range(5)]
    assert row[3] == "Sent" and row[4] == stored(office, number, ref.id).letter_number
    assert widget.reply_button.isEnabled()  # still selected, now sent


def test_unprintable_characters_are_warned_about_in_the_users_language(qtbot, office):
    number, ref = referral(
        office, share=True, person_overrides={"full_name": "สมชาย ใจดี", "nik": ""}
    )
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert ready(dialog)
    assert not dialog.letter_warnings.isHidden()
    assert "cannot be printed by the letter's fonts" in dialog.letter_warnings.text()


def test_incomplete_settings_are_explained_and_offered_to_an_admin(qtbot, session):
    number, ref = referral(session)  # nobody has saved the letter settings
    dialog = open_dialog(qtbot, session, number, ref.id)
    assert dialog.message.text().startswith("The office letter settings are incomplete")
    assert dialog.document.status() != QPdfDocument.Status.Ready
    assert not dialog.issue_button.isEnabled()
    assert not dialog.settings_button.isHidden()
    as_role(session, "caseworker")
    other = open_dialog(qtbot, session, number, ref.id)
    assert other.settings_button.isHidden()


# --- save and print -----------------------------------------------------------------------


def test_save_writes_the_archived_letter_under_a_name_without_the_person(
    qtbot, office, tmp_path, monkeypatch
):
    number, ref = referral(office)
    dialog = open_dialog(qtbot, office, number, ref.id)
    dialog.issue()
    asked, offered = [], {}
    monkeypatch.setattr(
        Confirm,
        "ask",
        classmethod(
            lambda cls, parent, title, text, detail, yes: asked.append((text, detail)) or True
        ),
    )

    def choose(parent, caption, start, filters):
        offered["start"] = start
        return str(tmp_path / "out" / "letter"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    (tmp_path / "out").mkdir()
    assert dialog.save_letter()
    written = (tmp_path / "out" / "letter.pdf").read_bytes()
    assert written.startswith(b"%PDF")
    assert written == letters.reprint_letter(office, ref.id).pdf
    suggested = Path(offered["start"]).name
    assert suggested == file_name_for(dialog.letter.number)
    assert not {"Maria", "Goreti", "Bria"} & set(suggested.replace(".", "-").split("-"))
    # The warning is said again before anything is written.
    assert "not encrypted" in asked[0][1] and "victim" in asked[0][1]
    assert dialog.message.text() == f"Saved as {tmp_path / 'out' / 'letter.pdf'}."


def test_declining_the_warning_saves_nothing(qtbot, office, monkeypatch):
    number, ref = referral(office)
    dialog = open_dialog(qtbot, office, number, ref.id)
    dialog.issue()
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: False))
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a: pytest.fail("no file is chosen after the warning is declined")),
    )
    assert not dialog.save_letter()


def _ink(pdf_path: Path) -> int:
    """Dark pixels of the first page of a PDF, rendered small."""
    document = QPdfDocument()
    assert document.load(str(pdf_path)) == QPdfDocument.Error.None_
    image = document.render(0, QSize(300, 424)).convertToFormat(QImage.Format.Format_ARGB32)
    document.close()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).alpha() > 0 and QColor(image.pixel(x, y)).lightness() < 128
    )


def test_print_pdf_paints_every_page_of_the_letter(qtbot, office, tmp_path):
    # A long reason runs the letter onto a second page.
    reason = " ".join(["Korban membutuhkan pemeriksaan lanjutan dan pendampingan."] * 60)
    number, ref = referral(office, reason=reason[:3000])
    dialog = open_dialog(qtbot, office, number, ref.id)
    dialog.issue()
    pages = dialog.document.pageCount()
    assert pages >= 2
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    prepare_printer(printer, dialog.document)
    assert print_pdf(dialog.document, printer) == pages
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == pages
    width, height = (float(v) for v in printed.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4, as the letter
    assert _ink(tmp_path / "printed.pdf") > 200  # the page has the letter on it


# --- consent to refer ---------------------------------------------------------------------


def test_a_caseworker_without_consent_to_refer_sees_why_and_cannot_issue(qtbot, office):
    number, ref = referral(office, consent=False)
    as_role(office, "caseworker")
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert ready(dialog)  # the draft can still be read
    assert "No consent to be referred is recorded" in dialog.consent_label.text()
    assert "ask a supervisor" in dialog.override_note.text()
    assert dialog.reason_edit.isHidden()
    assert not dialog.issue_button.isEnabled()
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert not dialog.issue()  # the service refuses as well
    assert dialog.message.text() == describe_error(ConsentToReferMissing(case_number=number), "en")
    assert letters.letters_of_referral(office, ref.id) == []
    assert stored(office, number, ref.id).status == "draft"


def test_a_supervisor_issues_without_consent_with_a_reason(qtbot, office):
    number, ref = referral(office, consent=False)
    as_role(office, "supervisor")
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert not dialog.reason_edit.isHidden()
    assert dialog.issue_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "darurat")
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == describe_error(
        OverrideReasonNeeded(minimum=letters.MIN_OVERRIDE_REASON), "en"
    )
    assert letters.letters_of_referral(office, ref.id) == []
    assert ready(dialog)  # the draft stays in view

    dialog.reason_edit.setPlainText(REASON)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    issued = letters.letters_of_referral(office, ref.id)
    assert [row.override_reason for row in issued] == [REASON]
    assert stored(office, number, ref.id).status == "sent"
    assert dialog.print_button.isEnabled()

    # Reopened, the letter shows at once: the override it was issued under covers it.
    again = open_dialog(qtbot, office, number, ref.id)
    assert ready(again) and again.letter.pdf == letters.reprint_letter(office, ref.id).pdf
    assert again.print_button.isEnabled()


def test_a_new_letter_takes_a_new_number_only_when_confirmed(qtbot, office, monkeypatch):
    number, ref = referral(office)
    first = letters.issue_letter(office, ref.id)
    dialog = open_dialog(qtbot, office, number, ref.id)
    answers = iter([False, True])
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *args: next(answers)))
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert len(letters.letters_of_referral(office, ref.id)) == 1
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    issued = letters.letters_of_referral(office, ref.id)
    assert len(issued) == 2 and issued[0].number == first.number
    assert issued[1].number != first.number
    assert dialog.letter.number == issued[1].number
    assert stored(office, number, ref.id).letter_number == issued[1].number
    assert ready(dialog)


# --- "issue number N now?" ---------------------------------------------------------------


def test_issuing_asks_first_naming_the_number_and_cancel_takes_none(
    qtbot, office, questions, monkeypatch
):
    number, ref = referral(office)
    coming = letters.next_number(office, ref.id)
    assert coming == "400.2.3/1/UPTD-PPA/XI/2026"
    dialog = open_dialog(qtbot, office, number, ref.id)
    answers = iter([False, True])
    monkeypatch.setattr(
        Confirm,
        "ask",
        classmethod(
            lambda cls, p, title, text, d, yes: (
                questions.append((title, text, yes)),
                next(answers),
            )[1]
        ),
    )
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert questions == [
        (
            "Issue letter",
            f"Issue the letter with number {coming} now?",
            f"Issue number {coming}",
        )
    ]
    # Cancelled: no number taken, the referral still a draft, the draft still in view.
    assert letters.letters_of_referral(office, ref.id) == []
    assert stored(office, number, ref.id).status == "draft"
    assert letters.next_number(office, ref.id) == coming
    assert dialog.preview_title.text() == "Draft — not issued, no number"
    assert dialog.issue_button.isEnabled() and not dialog.changed

    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert questions[-1][1] == f"Issue the letter with number {coming} now?"
    [issued] = letters.letters_of_referral(office, ref.id)
    assert issued.number == coming == stored(office, number, ref.id).letter_number
    assert dialog.preview_title.text() == f"Letter {coming}"


def test_a_number_taken_meanwhile_is_asked_about_again_and_none_is_lost(
    qtbot, office, questions, monkeypatch
):
    """Another program on the register issues a letter while the question is open: this
    letter is not issued with a number nobody confirmed; the next one is asked for."""
    number, ref = referral(office)
    _other_number, other = referral(office)
    dialog = open_dialog(qtbot, office, number, ref.id)
    meanwhile = []

    def ask(cls, parent, title, text, detail, yes):
        questions.append((title, text, yes))
        if not meanwhile:
            meanwhile.append(letters.issue_letter(office, other.id).number)
        return True

    monkeypatch.setattr(Confirm, "ask", classmethod(ask))
    assert dialog.issue()
    first, second = "400.2.3/1/UPTD-PPA/XI/2026", "400.2.3/2/UPTD-PPA/XI/2026"
    assert meanwhile == [first]
    assert [q[1] for q in questions] == [
        f"Issue the letter with number {first} now?",
        f"Number {first} was just taken by another letter. "
        f"Issue the letter with number {second} now?",
    ]
    assert [x.number for x in letters.letters_of_referral(office, ref.id)] == [second]
    assert dialog.letter.number == second
    assert dialog.message.text() == f"Letter {second} issued; the referral is marked sent."


def test_the_question_before_a_new_letter_names_both_numbers(qtbot, office, questions):
    number, ref = referral(office)
    first = letters.issue_letter(office, ref.id)
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert dialog.new_letter()
    second = letters.letters_of_referral(office, ref.id)[-1].number
    assert questions == [
        (
            "New letter",
            f"Issue a new letter with number {second} instead of {first.number}?",
            f"Issue number {second}",
        )
    ]


def test_a_refusal_comes_before_the_question(qtbot, office, questions):
    number, ref = referral(office, consent=False)
    as_role(office, "supervisor")
    dialog = open_dialog(qtbot, office, number, ref.id)
    dialog.reason_edit.setPlainText("darurat")
    assert not dialog.issue()
    assert questions == []
    assert dialog.message.text() == describe_error(
        OverrideReasonNeeded(minimum=letters.MIN_OVERRIDE_REASON), "en"
    )


def test_the_question_is_asked_in_indonesian(qtbot, qapp, office, monkeypatch):
    number, ref = referral(office)
    coming = letters.next_number(office, ref.id)
    monkeypatch.setattr(Confirm, "ask", REAL_ASK)
    i18n.install("id", qapp)
    dialog = open_dialog(qtbot, office, number, ref.id)
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        cancel = next(b for b in box.buttons() if b.text() == "Batal")
        cancel.click()

    QTimer.singleShot(0, answer)
    assert not dialog.issue()
    assert seen == {
        "title": "Terbitkan surat",
        "text": f"Terbitkan surat dengan nomor {coming} sekarang?",
        "buttons": ["Batal", f"Terbitkan nomor {coming}"],
    }
    assert letters.letters_of_referral(office, ref.id) == []


# --- a sent referral shows its number ------------------------------------------------------


def _sent_demo_referral(session) -> tuple[str, r.Referral]:
    """A referral the demo data made as sent (its letter not in this archive)."""
    from tipdesk.services.devtools.demo import add_demo_cases

    add_demo_cases(session, 30, seed=4)
    row = next(
        session.db.query(
            "SELECT f.id, c.case_number FROM referrals f JOIN cases c ON c.id = f.case_id "
            "WHERE f.status = 'sent' ORDER BY f.letter_date DESC LIMIT 1"
        )
    )
    return row["case_number"], stored(session, row["case_number"], row["id"])


def test_a_sent_referral_opens_with_its_number_not_as_a_draft(qtbot, office, questions):
    number, ref = _sent_demo_referral(office)
    assert ref.letter_number
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert ready(dialog)
    assert dialog.preview_title.text() == f"Copy of letter {ref.letter_number}"
    assert dialog.letter.number == ref.letter_number and dialog.letter.is_copy
    assert ref.letter_number in dialog.state.text()
    assert format_date(ref.letter_date) in dialog.state.text()
    assert "Draft" not in dialog.preview_title.text()
    assert dialog.issue_button.isHidden() and not dialog.new_button.isHidden()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    # A new letter replaces it only when asked, naming both numbers.
    assert dialog.new_letter()
    [issued] = letters.letters_of_referral(office, ref.id)
    assert questions[-1][1] == (
        f"Issue a new letter with number {issued.number} instead of {ref.letter_number}?"
    )
    assert dialog.preview_title.text() == f"Letter {issued.number}"


def test_the_case_files_referrals_tab_shows_a_sent_referrals_number(qtbot, office):
    number, ref = _sent_demo_referral(office)
    widget = CaseFileWidget(office, number)
    qtbot.addWidget(widget)
    model = widget.referrals_model
    rows = [
        [model.index(i, c).data() for c in range(model.columnCount())]
        for i in range(model.rowCount())
    ]
    sent = [row for row in rows if row[3] == "Sent"]
    assert sent and all(row[4] for row in sent)
    assert any(row[4] == ref.letter_number for row in sent)


# --- the provider's reply -----------------------------------------------------------------


def test_a_reply_with_a_follow_up_this_week_reaches_the_home_screen(qtbot, office, monkeypatch):
    number, ref = referral(office)
    letters.issue_letter(office, ref.id)
    office.today = lambda: TODAY
    window = MainWindow(office)
    qtbot.addWidget(window)
    window.show_page("home")
    assert window.home.sections["referral_follow_ups"].case_numbers() == []
    widget = window.open_case(number).widget
    widget.referrals_view.selectRow(0)
    assert widget.reply_button.isEnabled()

    def fill(dialog):
        form = dialog.form
        assert set(form.editors) == {"status", "responded_on", "follow_up_on", "response"}
        assert form.editors["responded_on"].text() == TODAY.isoformat()
        form.editors["status"].set_value("accepted")
        qtbot.keyClicks(form.editors["follow_up_on"].edit, (TODAY + 3 * DAY).isoformat())
        qtbot.keyClicks(form.editors["response"].edit, "Dijadwalkan visum hari Senin.")

    monkeypatch.setattr(ReplyDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(widget.reply_button, Qt.MouseButton.LeftButton)
    saved = stored(office, number, ref.id)
    assert (saved.status, saved.responded_on, saved.follow_up_on, saved.response) == (
        "accepted",
        TODAY,
        TODAY + 3 * DAY,
        "Dijadwalkan visum hari Senin.",
    )
    assert widget.referrals_model.index(0, 3).data() == "Accepted"
    home = window.home.sections["referral_follow_ups"]
    assert home.case_numbers() == [number]
    assert home.model.index(0, 4).data() == (TODAY + 3 * DAY).strftime("%d/%m/%Y")
    assert home.late_rows == []  # due, not late
    assert widget.reply_button.isEnabled()  # accepted: completed or declined may follow


def test_an_overdue_referral_follow_up_is_listed_and_opens_its_case(qtbot, office):
    number, ref = referral(office)
    letters.issue_letter(office, ref.id)
    letters.record_reply(
        office, ref.id, status="accepted", responded_on=TODAY, follow_up_on=TODAY - 2 * DAY
    )
    view = HomeView(office)
    qtbot.addWidget(view)
    box = view.sections["referral_follow_ups"]
    assert box.title() == "Referral follow-ups due (1)"
    assert box.late_rows == [0]  # its date in the warning colour
    with qtbot.waitSignal(view.open_case_requested) as opened:
        box._activate(0)
    assert opened.args == [number]


def test_no_reply_is_recorded_for_a_draft_referral(qtbot, office):
    number, _ref = referral(office)
    widget = CaseFileWidget(office, number)
    qtbot.addWidget(widget)
    widget.referrals_view.selectRow(0)
    assert widget.letter_button.isEnabled()
    assert not widget.reply_button.isEnabled()


def test_a_bad_reply_date_is_shown_under_its_field_and_nothing_is_saved(qtbot, office, monkeypatch):
    number, ref = referral(office)
    letters.issue_letter(office, ref.id)
    widget = CaseFileWidget(office, number)
    qtbot.addWidget(widget)
    widget.referrals_view.selectRow(0)
    seen = {}

    def exec_(dialog):
        date = dialog.form.editors["responded_on"].edit
        date.clear()
        qtbot.keyClicks(date, "2026-13-40")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["problem"] = dialog.form.problem_text("responded_on")
        date.clear()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["missing"] = dialog.form.problem_text("responded_on")
        return dialog.result()

    monkeypatch.setattr(ReplyDialog, "exec", exec_)
    widget.record_reply()
    assert seen["problem"].startswith("Responded on:")
    assert "2026-13-40" in seen["problem"]
    assert seen["missing"] == "Responded on: is required."
    assert stored(office, number, ref.id).status == "sent"


# --- office letter settings ---------------------------------------------------------------


def test_only_an_admin_is_offered_the_letter_settings(qtbot, session):
    admin = MainWindow(session)
    qtbot.addWidget(admin)
    assert admin.letter_settings_action.isEnabled()
    as_role(session, "caseworker")
    worker = MainWindow(session)
    qtbot.addWidget(worker)
    assert not worker.letter_settings_action.isEnabled()


def test_an_admin_saves_letter_settings_from_the_office_menu(qtbot, office, monkeypatch):
    window = MainWindow(office)
    qtbot.addWidget(window)

    def fill(dialog):
        form = dialog.form
        assert set(r.fields_of(r.LetterSettings)) <= set(form.editors)
        assert form.editors["letterhead"].text().startswith("PEMERINTAH KOTA KUPANG\n")
        city = form.editors["city"].edit
        city.selectAll()
        qtbot.keyClicks(city, "Kota Kupang")
        form.editors["copies"].edit.setPlainText("Kepala Dinas P3A\n\nArsip\n")
        form.editors["paper"].set_value("f4")
        assert "400.2.4/1/UPTD-PPA/XI/2026" in dialog.example.text()

    monkeypatch.setattr(LetterSettingsDialog, "exec", fill_and_save(fill))
    window.letter_settings_action.trigger()
    saved = letters.letter_settings(office)
    assert (saved.city, saved.copies, saved.paper) == (
        "Kota Kupang",
        ["Kepala Dinas P3A", "Arsip"],
        "f4",
    )


def test_a_pattern_without_number_is_refused_under_its_field(qtbot, office):
    before = letters.letter_settings(office)
    dialog = LetterSettingsDialog(office)
    qtbot.addWidget(dialog)
    pattern = dialog.form.editors["number_pattern"].edit
    pattern.selectAll()
    qtbot.keyClicks(pattern, "{classification}/{unit}/{year}")
    assert dialog.example.isHidden()
    assert not dialog.save()
    assert dialog.form.problem_text("number_pattern") == (
        "Letter number pattern: must contain {number}, so that no letter number repeats."
    )
    assert not dialog.message.isHidden()
    assert letters.letter_settings(office) == before


def test_a_logo_is_chosen_shown_saved_and_removed(qtbot, office, tmp_path, monkeypatch):
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    image.save(str(tmp_path / "logo.png"))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(tmp_path / "logo.png"), ""))
    )
    dialog = LetterSettingsDialog(office)
    qtbot.addWidget(dialog)
    logo = dialog.logo
    assert logo.preview.text() == "No logo" and not logo.remove_button.isEnabled()
    qtbot.mouseClick(logo.choose_button, Qt.MouseButton.LeftButton)
    assert not logo.preview.pixmap().isNull()
    assert logo.remove_button.isEnabled()
    assert dialog.save()
    stored_logo = letters.letter_settings(office).logo
    assert base64.b64decode(stored_logo) == (tmp_path / "logo.png").read_bytes()

    again = LetterSettingsDialog(office)
    qtbot.addWidget(again)
    assert not again.logo.preview.pixmap().isNull()
    qtbot.mouseClick(again.logo.remove_button, Qt.MouseButton.LeftButton)
    assert again.save()
    assert letters.letter_settings(office).logo == ""


def test_a_file_that_is_not_an_image_is_refused_as_a_logo(qtbot, office, tmp_path, monkeypatch):
    (tmp_path / "logo.png").write_bytes(b"not a picture")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(tmp_path / "logo.png"), ""))
    )
    dialog = LetterSettingsDialog(office)
    qtbot.addWidget(dialog)
    dialog.logo.choose()
    assert dialog.logo.preview.text() == "Not an image"
    assert not dialog.save()
    assert dialog.form.problem_text("logo") == "Logo: the logo must be a PNG or JPEG image."
    assert letters.letter_settings(office).logo == ""


# --- Indonesian ---------------------------------------------------------------------------


def test_the_letter_dialog_speaks_indonesian(qtbot, qapp, office):
    number, ref = referral(office, consent=False)
    as_role(office, "caseworker")
    i18n.install("id", qapp)
    dialog = open_dialog(qtbot, office, number, ref.id)
    assert dialog.issue_button.text() == "Terbitkan surat"
    assert dialog.save_button.text() == "Simpan sebagai PDF…"
    assert "tidak terenkripsi" in dialog.unencrypted_note.text()
    assert "supervisor" in dialog.override_note.text()
    assert not dialog.issue()
    assert dialog.message.text() == describe_error(ConsentToReferMissing(case_number=number), "id")


def test_the_referrals_list_shows_each_sent_letter_s_number(qtbot, office):
    from tipdesk.ui.views.referrals import ReferralsView

    number, ref = referral(office)
    _draft_number, _draft = referral(office)
    issued = letters.issue_letter(office, ref.id)
    view = ReferralsView(office)
    qtbot.addWidget(view)
    view.status.setCurrentIndex(view.status.findText("All statuses"))
    headers = [
        view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())
    ]
    column = headers.index("Letter no.")
    shown = {
        view.model.index(row, 0).data(): view.model.index(row, column).data()
        for row in range(view.model.rowCount())
    }
    assert shown[number] == issued.number
    assert shown[_draft_number] == ""  # a draft has no number yet
