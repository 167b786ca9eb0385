"""The Sync screen with real registers in tmp_path: the offices table, enrolling with the
fingerprint read over the phone, export and import by "USB stick", refusals in words, the
inbox, the conflict review, what each role is offered; and a province's register list."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from tests.conftest import new_case
from tests.services.sync.test_sync import Office, enrol
from tests.ui.conftest import cancelled_at_once, settle
from tipdesk.domain.errors import FingerprintMismatch, NotABatch, NotFound, NotPermitted
from tipdesk.domain.messages import describe_error
from tipdesk.domain.vocab import RISK_LEVEL
from tipdesk.services import sync
from tipdesk.services.access import permissions
from tipdesk.services.casework import cases, listing
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.office_keys import EnrolDialog, RecoveryKeyDialog
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.views.register_list import RegisterListView
from tipdesk.ui.views.sync import SyncView

PEER_COLUMN = {
    "office": 0,
    "name": 1,
    "level": 2,
    "sent": 3,
    "confirmed": 4,
    "received": 5,
    "unconfirmed": 6,
    "waiting": 7,
}


@pytest.fixture
def offices(tmp_path):
    district = Office(tmp_path / "kup", "KUP", "district", "53.71")
    province = Office(tmp_path / "ntt", "NTT", "province", "53")
    stick = tmp_path / "stick"
    stick.mkdir()
    yield district, province, stick
    district.session.close()
    province.session.close()


def screen(qtbot, office: Office) -> SyncView:
    view = SyncView(office.session)
    qtbot.addWidget(view)
    view.resize(1180, 640)
    view.show()
    return view


def choose_folder(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def cell(view: SyncView, column: str, row: int = 0) -> str:
    return view.peers_model.index(row, PEER_COLUMN[column]).data()


def as_role(office: Office, role: str) -> None:
    office.session.user = dataclasses.replace(office.session.user, role=role)


def persons(office: Office) -> int:
    return office.session.db["persons"].count


# --- the offices table ----------------------------------------------------------------------


def test_the_table_lists_an_enrolled_office_with_what_was_sent_confirmed_and_received(
    qtbot, offices
):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    new_case(district.session)
    view = screen(qtbot, district)
    assert view.peers_model.rowCount() == 1
    [peer] = sync.list_peers(district.session)
    assert (cell(view, "office"), cell(view, "name"), cell(view, "level")) == (
        "NTT",
        "Kantor NTT",
        "Province",
    )
    assert [cell(view, c) for c in ("sent", "confirmed", "received", "waiting")] == [
        "never",
        "never",
        "never",
        "0",
    ]
    assert cell(view, "unconfirmed") == str(peer.unacknowledged) != "0"
    assert peer.fingerprint in view.peer_details.text()
    assert "receives full case data" in view.peer_details.text()

    # A round trip: sent, received there, and confirmed by the batch that comes back.
    sync.import_batch(province.session, district.export(province, stick / "1.tipbatch"))
    sync.import_batch(district.session, province.export(district, stick / "back.tipbatch"))
    view.refresh()
    assert "never" not in [cell(view, c) for c in ("sent", "confirmed", "received")]
    assert cell(view, "unconfirmed") == "0"
    [peer] = sync.list_peers(district.session)
    assert (
        f"Changes sent up to no. {peer.sent_upto}, of which they confirmed up to no. "
        f"{peer.acked_upto}"
    ) in view.peer_details.text()


def test_no_office_enrolled_says_how_to_begin(qtbot, offices):
    district, _province, _stick = offices
    view = screen(qtbot, district)
    assert view.peers_table.isHidden() and not view.no_peers.isHidden()
    assert "enrols an office from its key file" in view.no_peers.text()
    assert not view.export_button.isEnabled()
    assert not view.inbox_button.isEnabled()


# --- enrolling ------------------------------------------------------------------------------


def test_enrolling_takes_the_fingerprint_read_over_the_phone(qtbot, offices, monkeypatch, boxes):
    district, province, stick = offices
    key_file, fingerprint = sync.export_key_file(district.session, stick)
    wrong = ("A" if fingerprint[0] != "A" else "B") + fingerprint[1:]
    choose_file(monkeypatch, key_file)
    seen = {}

    def exec_(dialog):
        assert dialog.findChild(object, "office").text() == "KUP · Kantor KUP"
        assert not dialog.enrol_button.isEnabled()  # nothing typed yet
        qtbot.keyClicks(dialog.fingerprint, wrong)
        dialog.enrol_button.click()
        seen["refusal"] = dialog.message.text()
        seen["enrolled_after_wrong"] = sync.list_peers(province.session)
        assert dialog.isVisible() or dialog.result() != QDialog.DialogCode.Accepted
        dialog.fingerprint.setText(fingerprint.lower().replace("-", " "))
        dialog.enrol_button.click()
        return dialog.result()

    monkeypatch.setattr(EnrolDialog, "exec", exec_)
    view = screen(qtbot, province)
    assert view.peers_model.rowCount() == 0
    qtbot.mouseClick(view.enrol_button, Qt.MouseButton.LeftButton)
    assert seen["refusal"] == describe_error(FingerprintMismatch(office="KUP"), "en")
    assert seen["enrolled_after_wrong"] == []
    assert [p.code for p in sync.list_peers(province.session)] == ["KUP"]
    assert view.peers_model.rowCount() == 1 and cell(view, "office") == "KUP"
    assert view.message.text().startswith("KUP (Kantor KUP) is enrolled")
    assert boxes == []


def test_a_wrong_fingerprint_alone_enrols_nothing(qtbot, offices, monkeypatch):
    district, province, stick = offices
    key_file, fingerprint = sync.export_key_file(district.session, stick)
    choose_file(monkeypatch, key_file)

    def exec_(dialog):
        dialog.fingerprint.setText("AAAA-" + fingerprint[5:])
        assert not dialog.enrol()
        assert "does not match" in dialog.message.text()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(EnrolDialog, "exec", exec_)
    view = screen(qtbot, province)
    assert view.enrol_office() is None
    assert sync.list_peers(province.session) == [] and view.peers_model.rowCount() == 0


def test_a_file_that_is_not_a_key_file_is_refused_before_any_question(
    qtbot, offices, monkeypatch, boxes
):
    _district, province, stick = offices
    (stick / "letter.tipkey").write_bytes(b"%PDF-1.7 not a key")
    choose_file(monkeypatch, stick / "letter.tipkey")
    monkeypatch.setattr(EnrolDialog, "exec", lambda d: pytest.fail("no dialog for a bad file"))
    view = screen(qtbot, province)
    assert view.enrol_office() is None
    [(kind, _title, text)] = boxes
    assert kind == "warning" and "not a valid TipDesk office key file" in text


def test_our_own_key_file_is_not_enrolled(qtbot, offices, monkeypatch, boxes):
    _district, province, stick = offices
    own, _fingerprint = sync.export_key_file(province.session, stick)
    choose_file(monkeypatch, own)
    monkeypatch.setattr(EnrolDialog, "exec", lambda d: pytest.fail("no dialog for our own key"))
    view = screen(qtbot, province)
    assert view.enrol_office() is None
    assert boxes[-1][2] == (
        "This is this office's own key file. Choose the key file that the other office sent."
    )


def test_our_key_file_is_saved_and_its_fingerprint_shown(qtbot, offices, monkeypatch, boxes):
    district, province, stick = offices
    choose_folder(monkeypatch, stick)
    view = screen(qtbot, district)
    path = view.save_key_file()
    assert path == stick / "KUP.tipkey" and path.exists()
    [(kind, _title, text)] = boxes
    assert kind == "information" and view.fingerprint in text and str(path) in text
    assert view.fingerprint_label.text() == f"Our fingerprint: {view.fingerprint}"
    assert not view.fingerprint_label.isHidden()
    # What the screen shows is what the other office must type.
    sync.trust_key_file(province.session, path.read_bytes(), view.fingerprint)
    assert [p.code for p in sync.list_peers(province.session)] == ["KUP"]


# --- export and import ----------------------------------------------------------------------


def test_export_writes_one_batch_and_import_there_shows_the_summary(
    qtbot, offices, monkeypatch, boxes
):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    file = new_case(district.session)
    choose_folder(monkeypatch, stick)
    out = screen(qtbot, district)
    assert cell(out, "sent") == "never"
    qtbot.mouseClick(out.export_button, Qt.MouseButton.LeftButton)
    settle()
    [batch] = list(stick.glob("*.tipbatch"))
    assert list(stick.iterdir()) == [batch]
    assert cell(out, "sent") != "never"  # the table's "sent" moved
    [peer] = sync.list_peers(district.session)
    assert f"Changes sent up to no. {peer.sent_upto}," in out.peer_details.text()
    assert peer.sent_upto > 0
    [(kind, title, text)] = boxes
    assert (kind, title) == ("information", "Export a batch")
    assert str(batch) in text and "persons 1, cases 1" in text and "encrypted for NTT" in text
    assert out.message.text() == text

    boxes.clear()
    choose_file(monkeypatch, batch)
    into = screen(qtbot, province)
    qtbot.mouseClick(into.import_button, Qt.MouseButton.LeftButton)
    settle()
    [(kind, title, text)] = boxes
    assert (kind, title) == ("information", "Import a batch")
    assert text.startswith(
        "Batch from KUP imported. Applied: 3; unchanged: 0; merged with "
        "changes made here: 0; conflicts to review: 0."
    )
    assert cases.open_case(province.session, file.case.case_number).person.full_name == (
        file.person.full_name
    )
    assert cell(into, "received") != "never"
    # The same file again changes nothing, and says so.
    boxes.clear()
    into.import_batch()
    settle()
    assert boxes[0][2] == "This batch from KUP was imported before; nothing changed."


def test_a_garbage_file_is_refused_in_words_and_changes_nothing(qtbot, offices, monkeypatch, boxes):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    garbage = stick / "holiday.tipbatch"
    garbage.write_bytes(b"PK\x03\x04 certainly not an age file" * 40)
    choose_file(monkeypatch, garbage)
    view = screen(qtbot, province)
    before = sync.list_peers(province.session)
    view.import_batch()
    settle()
    [(kind, _title, text)] = boxes
    assert kind == "warning" and text == describe_error(NotABatch(), "en")
    assert "Traceback" not in text and view.message.text() == text
    assert sync.list_peers(province.session) == before and persons(province) == 0


def test_a_file_that_went_missing_is_a_sentence_not_a_traceback(qtbot, offices, monkeypatch, boxes):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    choose_file(monkeypatch, stick / "gone.tipbatch")
    view = screen(qtbot, province)
    view.import_batch()
    settle()
    [(kind, _title, text)] = boxes
    assert kind == "warning" and "could not be read" in text and "gone.tipbatch" in text


def test_cancel_during_import_applies_nothing(qtbot, offices, monkeypatch, boxes):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    new_case(district.session)
    batch = district.export(province, stick / "1.tipbatch")
    choose_file(monkeypatch, batch)
    view = screen(qtbot, province)
    # Cancel pressed at once: the first progress report of the import stops it.
    cancelled_at_once(monkeypatch, "tipdesk.ui.views.sync")
    view.import_batch()
    settle()
    assert view.message.text() == "Cancelled; nothing was changed."
    assert persons(province) == 0 and boxes == []
    assert sync.list_peers(province.session)[0].received_upto == 0


def _batch_after_a_gap(district, province, stick) -> Path:
    """A district batch that starts after one the province no longer has: the province
    took batch 1, then was restored from a backup made before it."""
    enrol(district, province, stick.parent)
    new_case(district.session)
    first = district.export(province, stick / "1.tipbatch")
    province.session.close()
    saved = stick.parent / "ntt-backup"
    shutil.copytree(province.folder, saved)  # yesterday's backup
    province.session = province.open()
    sync.import_batch(province.session, first)
    sync.import_batch(district.session, province.export(district, stick / "back.tipbatch"))
    # The province's laptop dies; it is restored from the backup taken before batch 1.
    province.session.close()
    shutil.rmtree(province.folder)
    shutil.copytree(saved, province.folder)
    province.session = province.open()
    new_case(district.session, {"full_name": "Yohana Seran", "nik": ""})
    return district.export(province, stick / "2.tipbatch")


def test_a_batch_waiting_for_a_gap_shows_in_the_inbox(qtbot, offices, monkeypatch, boxes):
    district, province, stick = offices
    second = _batch_after_a_gap(district, province, stick)

    view = screen(qtbot, province)
    assert not view.inbox_button.isEnabled()
    choose_file(monkeypatch, second)
    view.import_batch()
    settle()
    assert (
        "kept in the inbox and applied by itself when the missing batch arrives" in (boxes[-1][2])
    )
    assert cell(view, "waiting") == "1" and view.inbox_button.isEnabled()
    assert persons(province) == 0
    # Trying again changes nothing while the missing batch has not come.
    view.retry_inbox()
    settle()
    assert view.message.text().startswith("Nothing in the inbox can be applied yet")
    # The missing batch (still on the stick) arrives: it and the waiting one are applied.
    choose_file(monkeypatch, stick / "1.tipbatch")
    view.import_batch()
    settle()
    assert "Batches from the inbox applied after it: 1." in boxes[-1][2]
    assert cell(view, "waiting") == "0" and not view.inbox_button.isEnabled()
    assert persons(province) == 2


# --- conflicts ------------------------------------------------------------------------------


def _risk_conflict(district: Office, province: Office, stick: Path) -> str:
    """The province and the district each set the risk level of the same case."""
    number = new_case(district.session).case.case_number
    sync.import_batch(province.session, district.export(province, stick / "1.tipbatch"))
    for office, level in ((district, "medium"), (province, "high")):
        f = office.case(number)
        f.case.risk_level = level
        cases.save_case_file(office.session, f.person, f.case)
    summary = sync.import_batch(province.session, district.export(province, stick / "2.tipbatch"))
    assert summary.conflicts == 1
    return number


def test_a_same_field_conflict_shows_both_values_and_keeping_theirs_changes_the_case(
    qtbot, qtmodeltester, offices
):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    number = _risk_conflict(district, province, stick)
    view = screen(qtbot, province)
    qtmodeltester.check(view.conflicts_model)
    qtmodeltester.check(view.peers_model)
    tab = view.tabs.indexOf(view.conflicts_tab)
    assert view.tabs.tabText(tab) == "Conflicts (1)"
    model = view.conflicts_model
    high, medium = RISK_LEVEL.label("high", "en"), RISK_LEVEL.label("medium", "en")
    assert [model.index(0, c).data() for c in range(6)] == [
        number,
        "Case",
        "Risk level",
        high,
        medium,
        "KUP",
    ]
    assert view.conflict_heading.text() == f"Case {number} · Case · Risk level"
    assert (view.ours_box.title(), view.theirs_box.title()) == ("Ours (NTT)", "Theirs (KUP)")
    assert (view.ours_value.toPlainText(), view.theirs_value.toPlainText()) == (high, medium)
    assert view.ours_who.text().startswith("Changed by admin on ")
    assert view.theirs_who.text().startswith("Changed by admin on ")
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.mouseClick(view.open_case_button, Qt.MouseButton.LeftButton)
    assert opened.args == [number]

    qtbot.mouseClick(view.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert sync.list_conflicts(province.session) == []
    assert model.rowCount() == 0 and view.tabs.tabText(tab) == "Conflicts"
    assert not view.no_conflicts.isHidden()
    assert province.case(number).case.risk_level == "medium"
    assert view.message.text() == f"{number} · Risk level: kept the value of KUP."


def test_keeping_ours_leaves_the_case_as_it_is(qtbot, offices):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    number = _risk_conflict(district, province, stick)
    view = screen(qtbot, province)
    view.tabs.setCurrentWidget(view.conflicts_tab)
    qtbot.mouseClick(view.keep_ours_button, Qt.MouseButton.LeftButton)
    assert sync.list_conflicts(province.session) == []
    assert province.case(number).case.risk_level == "high"


def test_they_edited_what_we_deleted_reads_as_restoring_the_record(qtbot, offices):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    number = new_case(district.session).case.case_number
    sync.import_batch(province.session, district.export(province, stick / "1.tipbatch"))
    f = province.case(number)
    f.case.risk_level = "high"
    cases.save_case_file(province.session, f.person, f.case)
    cases.delete_case(district.session, number)
    sync.import_batch(district.session, province.export(district, stick / "back.tipbatch"))
    view = screen(qtbot, district)
    rows = {
        (
            view.conflicts_model.index(i, 1).data(),
            view.conflicts_model.index(i, 3).data(),
            view.conflicts_model.index(i, 4).data(),
        )
        for i in range(view.conflicts_model.rowCount())
    }
    assert ("Case", "deleted", "edited (restores the record)") in rows
    case_row = next(
        i
        for i in range(view.conflicts_model.rowCount())
        if view.conflicts_model.index(i, 1).data() == "Case"
    )
    view.conflicts_table.selectRow(case_row)
    assert view.conflicts_model.index(case_row, 2).data() == "Whole record"
    assert view.theirs_value.toPlainText() == "edited (restores the record)"
    assert not view.open_case_button.isEnabled()  # the case is deleted here
    view.resolve("remote")
    assert district.case(number).case.risk_level == "high"  # back, with their edit


# --- roles ----------------------------------------------------------------------------------


def test_a_caseworker_syncs_but_is_not_offered_key_management(qtbot, offices):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    as_role(district, "caseworker")
    view = screen(qtbot, district)
    assert view.enrol_button.isHidden() and view.key_button.isHidden()
    assert view.recovery_button.isHidden()
    assert not view.export_button.isHidden() and not view.import_button.isHidden()
    assert view.role_note.isHidden()


def test_an_analyst_is_offered_no_exchange_and_the_service_refusal_reads_well(
    qtbot, offices, monkeypatch, boxes
):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    new_case(district.session)
    batch = district.export(province, stick / "1.tipbatch")
    as_role(province, "analyst")
    view = screen(qtbot, province)
    for button in (
        view.export_button,
        view.import_button,
        view.inbox_button,
        view.enrol_button,
        view.keep_ours_button,
        view.keep_theirs_button,
    ):
        assert button.isHidden()
    assert not view.role_note.isHidden()
    # The service checks anyway; its refusal is a sentence.
    choose_file(monkeypatch, batch)
    view.import_batch()
    settle()
    with pytest.raises(NotPermitted) as refused:
        permissions.require(province.session, "sync")
    assert boxes == [("warning", "Import a batch", describe_error(refused.value, "en"))]
    assert persons(province) == 0


# --- a province's recovery key --------------------------------------------------------------


def test_a_province_made_with_a_recovery_key_is_told_it_cannot_be_shown_again(
    qtbot, offices, boxes
):
    _district, province, _stick = offices
    view = screen(qtbot, province)
    assert not view.recovery_button.isHidden()
    assert not view.make_recovery_key()
    assert boxes[0][0] == "question"
    assert boxes[-1][0] == "warning" and "already has a recovery key" in boxes[-1][2]


def test_the_recovery_key_is_shown_once_until_it_is_on_paper(qtbot, offices, monkeypatch, boxes):
    district, province, _stick = offices
    assert screen(qtbot, district).recovery_button.isHidden()  # a district has none
    secret = "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"
    monkeypatch.setattr(sync, "create_recovery_identity", lambda session: secret)
    seen = {}

    def exec_(dialog):
        dialog.show()
        seen["shown"] = dialog.key_label.text()
        seen["ok_before"] = dialog.ok_button.isEnabled()
        dialog.reject()  # Escape: the key is not on paper yet
        seen["open_after_escape"] = dialog.isVisible()
        dialog.confirm.setChecked(True)
        seen["ok_after"] = dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(RecoveryKeyDialog, "exec", exec_)
    view = screen(qtbot, province)
    assert view.make_recovery_key()
    assert seen == {
        "shown": secret,
        "ok_before": False,
        "open_after_escape": True,
        "ok_after": True,
    }
    assert "Save this office's key file again" in view.message.text()


def test_the_recovery_key_prints_on_one_page(qapp, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from tipdesk.ui.dialogs.office_keys import print_recovery_key

    secret = "AGE-SECRET-KEY-1" + "QPZRY9X8" * 7 + "GF"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "key.pdf"))
    assert print_recovery_key(
        printer,
        "TipDesk recovery key for batches",
        "Office NTT",
        secret,
        "Keep this paper locked away.",
    )
    pages = PdfReader(tmp_path / "key.pdf").pages
    assert len(pages) == 1
    text = "".join(pages[0].extract_text().split())
    assert secret in text and text.endswith("NTT" + secret + "Keepthispaperlockedaway.")


# --- the main window ------------------------------------------------------------------------


def test_the_sync_page_replaces_the_placeholder_and_keeps_its_shortcut(qtbot, offices):
    district, _province, _stick = offices
    window = MainWindow(district.session)
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles.index("Sync") == 7  # after Incidents (issue 22) and Transfers (issue 23)
    go = next(a for a in window.menuBar().actions() if a.text() == "&Go").menu()
    [action] = [a for a in go.actions() if a.text() == "Sync"]
    assert action.shortcut().toString() == "Ctrl+8"
    action.trigger()
    assert isinstance(window.stack.currentWidget(), SyncView)
    assert window.stack.currentWidget() is window.sync


def test_the_sync_screen_speaks_indonesian(qtbot, qapp, offices):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    i18n.install("id", qapp)
    view = screen(qtbot, district)
    assert view.import_button.text() == "Impor paket…"
    assert view.peers_model.headerData(3, Qt.Orientation.Horizontal) == "Terakhir dikirim"
    assert cell(view, "sent") == "belum pernah"
    assert view.tabs.tabText(1) == "Konflik"


# --- a province's register list -------------------------------------------------------------


def test_a_province_register_shows_the_office_and_filters_by_it(qtbot, qtmodeltester, tmp_path):
    kup = Office(tmp_path / "kup", "KUP", "district", "53.71")
    bel = Office(tmp_path / "bel", "BEL", "district", "53.04")
    ntt = Office(tmp_path / "ntt", "NTT", "province", "53")
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        for district in (kup, bel):
            enrol(district, ntt, tmp_path)
        new_case(kup.session)
        new_case(kup.session, {"full_name": "Yuliana Tefa", "nik": ""})
        new_case(bel.session, {"full_name": "Siti Aminah", "nik": ""})
        for district in (kup, bel):
            sync.import_batch(ntt.session, district.export(ntt, stick / district.code))
        view = RegisterListView(ntt.session)
        qtbot.addWidget(view)
        view.show()
        model = view.model
        qtmodeltester.check(model)
        office = model.column_of("office")
        assert model.headerData(office, Qt.Orientation.Horizontal) == "Office"
        assert model.total() == 3
        assert sorted(model.index(i, office).data() for i in range(3)) == ["BEL", "KUP", "KUP"]
        assert not view.office.isHidden()
        assert [view.office.itemText(i) for i in range(view.office.count())] == [
            "All offices",
            "BEL · Kantor BEL",
            "KUP · Kantor KUP",
        ]
        view.office.setCurrentIndex(view.office.findData(kup.session.office.id))
        qtbot.waitUntil(lambda: model.total() == 2)
        assert {model.index(i, office).data() for i in range(2)} == {"KUP"}
        assert view.current_filter().office == kup.session.office.id
        view.clear.click()
        qtbot.waitUntil(lambda: model.total() == 3)
        assert view.office.currentIndex() == 0
        # Sorted by office through the header.
        view.table.sortByColumn(office, Qt.SortOrder.AscendingOrder)
        assert [model.index(i, office).data() for i in range(3)] == ["BEL", "KUP", "KUP"]
        # A case the province opens itself shows under its own office once the list opens.
        new_case(ntt.session, {"full_name": "Budi Santoso", "nik": ""})
        view.office.about_to_show.emit()
        assert view.office.itemText(view.office.count() - 1) == "NTT · Kantor NTT"
        # A district's register looks as before.
        district_view = RegisterListView(kup.session)
        qtbot.addWidget(district_view)
        assert district_view.model.column_of("office") == -1
        assert district_view.office.isHidden()
        assert district_view.current_filter() == listing.CaseFilter()
    finally:
        for each in (kup, bel, ntt):
            each.session.close()


# --- the inbox: a batch held for an administrator -------------------------------------------

INBOX_COLUMN = {"office": 0, "changes": 1, "received": 2, "reason": 3}


def _many_cases_then_mass_delete(district: Office, province: Office, stick: Path) -> list:
    """24 of the district's cases at the province; then the district deletes 21 of them
    (more than 5% and at least 20, so its next batch is held). Returns the 24 files."""
    made = [new_case(district.session, {"full_name": f"Korban {i}", "nik": ""}) for i in range(24)]
    sync.import_batch(province.session, district.export(province, stick / "many.tipbatch"))
    for file in made[:21]:
        cases.delete_case(district.session, file.case.case_number)
    return made


def deleted_cases(office: Office) -> set[str]:
    return {row["id"] for row in office.session.db.query("SELECT id FROM cases WHERE deleted")}


def inbox_cell(view: SyncView, column: str, row: int = 0) -> str:
    return view.inbox_tab.model.index(row, INBOX_COLUMN[column]).data()


def _held(district: Office, province: Office, stick: Path, name: str) -> str:
    """The district's next batch, imported at the province and held there."""
    summary = sync.import_batch(
        province.session, district.export(province, stick / f"{name}.tipbatch")
    )
    assert summary.held == "mass_delete"
    return summary.batch_id


def test_an_imported_mass_delete_is_said_to_be_held_and_shows_in_the_inbox_with_its_reason(
    qtbot, qtmodeltester, offices, monkeypatch, boxes
):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    _many_cases_then_mass_delete(district, province, stick)
    batch = district.export(province, stick / "deletes.tipbatch")
    view = screen(qtbot, province)
    assert view.tabs.tabText(view.tabs.indexOf(view.inbox_tab)) == "Inbox"
    assert view.inbox_tab.note.text().startswith("The inbox is empty.")
    choose_file(monkeypatch, batch)
    view.import_batch()
    settle()
    [held] = sync.list_inbox(province.session)
    assert held.held == "mass_delete"
    [(kind, title, text)] = boxes
    assert (kind, title) == ("warning", "Import a batch")
    assert text == (
        "The batch from KUP deletes 21 of the 24 cases of KUP in this register. It is held "
        "in the inbox and nothing of it has been applied. An administrator must accept or "
        "discard it, after asking KUP whether these cases were meant to be deleted. It is "
        "on the Inbox tab."
    )
    assert view.message.text() == text
    assert deleted_cases(province) == set()
    # The Inbox tab comes forward with the batch chosen and why it waits.
    qtmodeltester.check(view.inbox_tab.model)
    assert view.tabs.currentWidget() is view.inbox_tab
    assert view.tabs.tabText(view.tabs.indexOf(view.inbox_tab)) == "Inbox (1, 1 held)"
    assert view.inbox_tab.model.rowCount() == 1
    assert inbox_cell(view, "office") == "KUP"
    assert inbox_cell(view, "reason") == "Deletes 21 of 24 cases: held for an administrator"
    assert view.inbox_tab.model.headerData(3, Qt.Orientation.Horizontal) == "Why it waits"
    assert view.inbox_tab.selected().batch_id == held.batch_id
    assert view.inbox_tab.detail.text().startswith("The batch from KUP deletes 21 of the 24")
    assert view.inbox_tab.accept_button.isEnabled()
    assert view.inbox_tab.discard_button.isEnabled()
    assert view.inbox_tab.admin_note.isHidden()
    # The peers table counts it; "Try the inbox again" cannot help a held batch.
    assert cell(view, "waiting") == "1" and not view.inbox_button.isEnabled()
    view.retry_inbox()
    settle()
    assert "Held for an administrator to accept or discard: 1" in view.message.text()
    assert deleted_cases(province) == set()


def test_an_admin_accepts_a_held_batch_and_its_deletes_are_applied(qtbot, offices, boxes):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    made = _many_cases_then_mass_delete(district, province, stick)
    _held(district, province, stick, "deletes")
    view = screen(qtbot, province)
    view.tabs.setCurrentWidget(view.inbox_tab)
    qtbot.mouseClick(view.inbox_tab.accept_button, Qt.MouseButton.LeftButton)
    settle()
    (kind, title, question), *rest = boxes
    assert (kind, title) == ("question", "Accept a held batch")
    assert "deletes 21 of the 24 cases of KUP" in question
    assert "only if KUP confirmed" in question
    assert deleted_cases(province) == {file.case.id for file in made[:21]}
    [(kind, title, text)] = rest
    assert (kind, title) == ("information", "Accept a held batch")
    assert text.startswith("You accepted the batch from KUP.\nBatch from KUP imported. Applied: ")
    assert view.message.text() == text
    assert sync.list_inbox(province.session) == []
    assert view.inbox_tab.model.rowCount() == 0 and view.inbox_tab.table.isHidden()
    assert view.tabs.tabText(view.tabs.indexOf(view.inbox_tab)) == "Inbox"
    assert cell(view, "waiting") == "0" and cell(view, "received") != "never"


def test_an_admin_discards_a_held_batch_and_nothing_of_it_is_applied(
    qtbot, offices, monkeypatch, boxes
):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    _many_cases_then_mass_delete(district, province, stick)
    held = _held(district, province, stick, "deletes")
    view = screen(qtbot, province)
    # Asked, and the answer is No: nothing happens.
    asked = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.question",
        staticmethod(
            lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No
        ),
    )
    assert not view.discard_held()
    assert "Throw away the batch from KUP?" in asked[0]
    assert "deletes 21 of the 24 cases of KUP" in asked[0]
    assert [item.batch_id for item in sync.list_inbox(province.session)] == [held]

    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.question",
        staticmethod(lambda parent, title, text, *a: QMessageBox.StandardButton.Yes),
    )
    qtbot.mouseClick(view.inbox_tab.discard_button, Qt.MouseButton.LeftButton)
    assert sync.list_inbox(province.session) == []
    assert list((province.folder / "inbox").glob("*.tipbatch")) == []
    assert deleted_cases(province) == set()
    assert view.inbox_tab.model.rowCount() == 0
    assert view.message.text() == "The batch from KUP is discarded; nothing of it was applied."
    assert boxes == []
    # The district's next batch carries the same deletes, and is held again.
    _held(district, province, stick, "again")
    view.refresh()
    assert inbox_cell(view, "reason") == "Deletes 21 of 24 cases: held for an administrator"


def test_a_held_batch_another_admin_already_decided_is_refused_in_words(qtbot, offices, boxes):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    _many_cases_then_mass_delete(district, province, stick)
    held = _held(district, province, stick, "deletes")
    view = screen(qtbot, province)
    sync.discard_held(province.session, held)  # e.g. with `tipdesk inbox discard`
    view.accept_held()
    settle()
    with pytest.raises(NotFound) as gone:
        sync.accept_held(province.session, held)
    [_question, (kind, title, text)] = boxes
    assert (kind, title) == ("warning", "Accept a held batch")
    assert text == describe_error(gone.value, "en") and view.message.text() == text
    assert view.inbox_tab.model.rowCount() == 0  # the list is fresh again
    assert deleted_cases(province) == set()


@pytest.mark.parametrize("role", ["caseworker", "supervisor"])
def test_only_an_admin_is_offered_accept_and_discard(qtbot, offices, boxes, role):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    _many_cases_then_mass_delete(district, province, stick)
    held = _held(district, province, stick, "deletes")
    as_role(province, role)
    view = screen(qtbot, province)
    tab = view.inbox_tab
    assert inbox_cell(view, "reason") == "Deletes 21 of 24 cases: held for an administrator"
    assert tab.selected().batch_id == held
    for button in (tab.accept_button, tab.discard_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Only an administrator can accept or discard a held batch."
    assert not tab.admin_note.isHidden()
    view.accept_held()
    settle()
    assert not view.discard_held()
    assert boxes == []
    assert [item.batch_id for item in sync.list_inbox(province.session)] == [held]
    assert deleted_cases(province) == set()


def test_a_batch_waiting_for_a_gap_reads_so_in_the_inbox_and_cannot_be_accepted(
    qtbot, offices, monkeypatch, boxes
):
    district, province, stick = offices
    batch = _batch_after_a_gap(district, province, stick)  # (reopens the province)
    sync.import_batch(province.session, batch)
    view = screen(qtbot, province)
    assert view.tabs.tabText(view.tabs.indexOf(view.inbox_tab)) == "Inbox (1)"
    assert inbox_cell(view, "reason") == "Waits for an earlier batch"
    assert view.inbox_tab.detail.text().startswith(
        "This batch from KUP waits for an earlier one that has not arrived here"
    )
    assert view.inbox_tab.accept_button.isHidden() and view.inbox_tab.discard_button.isHidden()
    view.accept_held()
    settle()
    assert boxes == []


def test_the_inbox_speaks_indonesian(qtbot, qapp, offices):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    _many_cases_then_mass_delete(district, province, stick)
    _held(district, province, stick, "deletes")
    i18n.install("id", qapp)
    view = screen(qtbot, province)
    assert view.tabs.tabText(view.tabs.indexOf(view.inbox_tab)) == "Inbox (1, 1 ditahan)"
    assert inbox_cell(view, "reason") == ("Menghapus 21 dari 24 kasus: ditahan untuk administrator")
    assert view.inbox_tab.accept_button.text() == "Terima…"


def test_cancel_while_accepting_a_held_batch_leaves_it_held(qtbot, offices, monkeypatch, boxes):
    district, province, stick = offices
    enrol(district, province, stick.parent)
    _many_cases_then_mass_delete(district, province, stick)
    held = _held(district, province, stick, "deletes")
    view = screen(qtbot, province)
    cancelled_at_once(monkeypatch, "tipdesk.ui.views.sync")
    view.accept_held()
    settle()
    assert view.message.text() == "Cancelled; nothing was changed."
    assert [item.held for item in sync.list_inbox(province.session)] == ["mass_delete"]
    assert view.inbox_tab.selected().batch_id == held
    assert deleted_cases(province) == set()


def test_a_batch_with_documents_says_to_copy_its_parts_and_counts_them_in(
    qtbot, offices, monkeypatch, boxes
):
    from tipdesk.services.casework import documents

    district, province, stick = offices
    enrol(district, province, stick.parent)
    file = new_case(district.session)
    documents.attach(
        district.session,
        file.case.case_number,
        b"%PDF-1.4\n" + bytes(range(256)) * 40,
        kind="consent",
        file_name="persetujuan.pdf",
    )
    choose_folder(monkeypatch, stick)
    out = screen(qtbot, district)
    qtbot.mouseClick(out.export_button, Qt.MouseButton.LeftButton)
    settle()
    [batch] = list(stick.glob("*.tipbatch"))
    [part] = list(stick.glob("*.tipdocs"))
    [(_kind, _title, text)] = boxes
    assert "documents are in 1 more files beside it" in text and part.name in text
    boxes.clear()
    choose_file(monkeypatch, batch)
    into = screen(qtbot, province)
    qtbot.mouseClick(into.import_button, Qt.MouseButton.LeftButton)
    settle()
    [(kind, _title, text)] = boxes
    assert kind == "information" and "Documents received and checked: 1." in text
