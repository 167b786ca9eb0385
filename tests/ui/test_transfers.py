"""Transfers on screen (issue 23): the Transfers page with an incoming transfer accepted
or declined by a supervisor, a case worker who may not decide, the request dialog in the
case file, the banner of a copy offered, handed over or asked for, a read-only copy that
cannot be saved, and the banner of a person registered at another office as well."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from tests.helpers import (
    add_account,
    close_all,
    copy_offices,
    new_case,
    send,
    sign_in,
    two_districts,
)
from tipdesk.services.casework import cases, people_links
from tipdesk.services.casework import transfers as tr
from tipdesk.ui.dialogs import transfer as transfer_dialogs
from tipdesk.ui.dialogs.item_dialogs import ServiceDialog
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.views import case_file
from tipdesk.ui.views.case_file import CaseFileWidget
from tipdesk.ui.views.register_list import RegisterListView
from tipdesk.ui.views.transfers import TransfersView

REASON = "Korban pulang ke Belu, keluarga di sana"


def _round(kup, bel, ntt, stick: Path) -> None:
    """Every office's next batch to and from the province, imported."""
    send(kup, ntt, stick)
    send(bel, ntt, stick)
    send(ntt, kup, stick)
    send(ntt, bel, stick)


@pytest.fixture(scope="module")
def situation(tmp_path_factory):
    """KUP offers Maria's case to BEL (relayed by the province NTT); KUP keeps Yohana,
    whom the province linked to Yohana registered at BEL as well. Each district has a
    supervisor, sri, and BEL a case worker, ani. Made once, closed: tests copy it."""
    root = tmp_path_factory.mktemp("transfers")
    kup, bel, ntt, stick = two_districts(root)
    offered = new_case(kup.session)
    kept = new_case(kup.session, {"full_name": "Yohana Tefa", "birth_date": dt.date(2001, 5, 6)})
    twin = new_case(bel.session, {"full_name": "Yohana Tefa", "birth_date": dt.date(2001, 5, 6)})
    for office in (kup, bel):
        add_account(office.session, "sri", "supervisor")
    add_account(bel.session, "ani", "caseworker")
    _round(kup, bel, ntt, stick)
    tr.request(kup.session, offered.case.case_number, "BEL", REASON)
    people_links.link(ntt.session, kept.person.id, twin.person.id)
    _round(kup, bel, ntt, stick)
    close_all((kup, bel, ntt))
    numbers = {
        "offered": offered.case.case_number,
        "kept": kept.case.case_number,
        "twin": twin.case.case_number,
    }
    return (kup, bel, ntt), numbers


@pytest.fixture
def offices(situation, tmp_path):
    """Copies of the three registers, each open as its admin, and the case numbers."""
    copies = copy_offices(situation[0], tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    yield (*copies, stick), situation[1]
    close_all(copies)


def screen(qtbot, session) -> TransfersView:
    view = TransfersView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    return view


def rows(view: TransfersView) -> list[list[str]]:
    model = view.model
    return [
        [model.index(row, c).data() or "" for c in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def case_window(qtbot, session, number: str) -> CaseFileWidget:
    widget = CaseFileWidget(session, number)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_a_supervisor_accepts_an_incoming_transfer_and_the_case_becomes_editable(
    qtbot, offices, monkeypatch
):
    (_kup, bel, _ntt, _stick), numbers = offices
    sri = sign_in(bel.folder, "sri")
    try:
        copy = case_window(qtbot, sri, numbers["offered"])
        assert not copy.save_button.isEnabled()
        assert "Offered by Kantor KUP on 28/11/2026" in copy.banner.text.text()
        assert copy.banner.accept_button.isVisible()

        view = screen(qtbot, sri)
        view.set_direction("incoming")
        assert rows(view) == [[numbers["offered"], "KUP", "BEL", "28/11/2026", "Requested", ""]]
        assert view.details["reason"].text() == REASON
        assert view.accept_button.isEnabled() and view.decline_button.isEnabled()
        asked = []
        monkeypatch.setattr(
            transfer_dialogs.ConfirmAccept,
            "ask",
            classmethod(lambda c, *a: asked.append(a) or True),
        )
        view.accept_button.click()
        assert asked and asked[0][1:] == (numbers["offered"], "KUP", 1)
        assert rows(view)[0][4:] == ["Accepted", "28/11/2026"]
        assert not view.accept_button.isEnabled()
        assert "is this office's now" in view.message.text()

        # The case file opened before reloads (as MainWindow does on `decided`): editable.
        copy.reload()
        assert copy.save_button.isEnabled() and copy.add_service_button.isEnabled()
        assert copy.banner.text.text() == "Received from Kantor KUP on 28/11/2026."
        assert not copy.banner.accept_button.isVisible()
        copy.case_form.editors["exploitation_place"].write("Batam")
        assert copy.save()
        assert cases.open_case(sri, numbers["offered"]).case.exploitation_place == "Batam"
    finally:
        sri.close()


def _decline_with(reasons: list[str], seen: list[str]):
    """An ``exec`` for the decline dialog: each reason typed in turn and Decline pressed,
    what the dialog said kept in ``seen``."""

    def exec_(dialog):
        for reason in reasons:
            dialog.reason.edit.setPlainText(reason)
            seen.append(dialog.reason.count.text())
            dialog.decline_button.click()
            seen.append(dialog.message.text() if not dialog.message.isHidden() else "")
        return dialog.result()

    return exec_


def test_a_supervisor_declines_with_a_reason_and_the_copy_leaves_the_register(
    qtbot, offices, monkeypatch
):
    (_kup, bel, _ntt, _stick), numbers = offices
    sri = sign_in(bel.folder, "sri")
    try:
        view = screen(qtbot, sri)
        seen: list[str] = []
        monkeypatch.setattr(
            transfer_dialogs.DeclineDialog,
            "exec",
            _decline_with(["", "Penuh", "Rumah aman Belu sedang penuh"], seen),
        )
        view.decline_button.click()
        assert seen[0] == "0 letters (at least 10)"
        assert "Reason of the decision: is required" in seen[1]
        assert "too short (at least 10 letters)" in seen[3]
        assert seen[5] == ""  # declined, no complaint
        assert rows(view)[0][4:] == ["Declined", "28/11/2026"]
        assert view.details["decision"].text() == "Rumah aman Belu sedang penuh"
        assert not view.open_button.isEnabled()  # this register holds no copy now
        listing = RegisterListView(sri)
        qtbot.addWidget(listing)
        shown = [listing.model.key_at(i) for i in range(listing.model.rowCount())]
        assert numbers["offered"] not in shown and numbers["twin"] in shown
    finally:
        sri.close()


def test_a_case_worker_sees_transfers_but_no_accept_or_decline(qtbot, offices):
    (_kup, bel, _ntt, _stick), _numbers = offices
    ani = sign_in(bel.folder, "ani")
    try:
        view = screen(qtbot, ani)
        view.show()
        assert not view.accept_button.isVisible()
        assert not view.decline_button.isVisible()
        widget = case_window(qtbot, ani, _numbers["twin"])
        assert not widget.transfer_button.isVisible()
    finally:
        ani.close()


def _request_with(office: str, reasons: list[str], seen: list[str]):
    def exec_(dialog):
        dialog.office.setCurrentIndex(dialog.office.findData(office))
        seen.append(dialog.moving.text())
        for reason in reasons:
            dialog.reason.edit.setPlainText(reason)
            dialog.request_button.click()
            seen.append(dialog.message.text() if not dialog.message.isHidden() else "")
        return dialog.result()

    return exec_


def test_the_request_dialog_refuses_a_short_reason_then_asks_and_the_banner_waits(
    qtbot, offices, monkeypatch
):
    (kup, _bel, _ntt, _stick), numbers = offices
    sri = sign_in(kup.folder, "sri")
    try:
        widget = case_window(qtbot, sri, numbers["kept"])
        assert widget.transfer_button.isVisible() and widget.transfer_button.isEnabled()
        seen: list[str] = []
        monkeypatch.setattr(
            transfer_dialogs.TransferRequestDialog,
            "exec",
            _request_with("BEL", ["Pindah", "Korban sekarang tinggal di Atambua"], seen),
        )
        widget.transfer_button.click()
        assert seen[0].startswith(
            f"The person goes with the transfer, with their case {numbers['kept']}"
        )
        assert "too short (at least 10 letters)" in seen[1]
        assert seen[2] == ""
        assert widget.banner.text.text() == (
            "Transfer to Kantor BEL requested on 28/11/2026 — waiting for its decision."
        )
        assert not widget.transfer_button.isEnabled()  # one transfer at a time
        assert widget.save_button.isEnabled()  # still this office's until accepted
        view = screen(qtbot, sri)
        view.set_direction("outgoing")
        assert [numbers["kept"], "KUP", "BEL", "28/11/2026", "Requested", ""] in rows(view)
        assert not view.accept_button.isVisible() or not view.accept_button.isEnabled()
    finally:
        sri.close()


def test_a_read_only_copy_cannot_be_saved_or_changed_from_the_screen(qtbot, offices, monkeypatch):
    (_kup, bel, _ntt, _stick), numbers = offices
    saved, opened = [], []
    monkeypatch.setattr(case_file.cases, "save_case_file", lambda *a: saved.append(a))
    monkeypatch.setattr(ServiceDialog, "edit", classmethod(lambda c, *a: opened.append(a)))
    widget = case_window(qtbot, bel.session, numbers["offered"])
    assert widget.read_only
    assert not widget.save_button.isEnabled()
    name = widget.person_form.editors["full_name"]
    qtbot.keyClicks(name.edit, "X")
    assert name.edit.text() == "Maria Goreti Bria" and not widget.has_unsaved_changes()
    QTest.keySequence(widget, "Ctrl+S")
    widget.save_button.click()
    assert saved == []
    # Every button on every tab that changes the case, the journey's too, stays disabled,
    # even when choosing a row would enable it.
    edits = [b for b in widget.tabs.findChildren(QPushButton)]
    assert len(edits) > 15
    assert [b.text() for b in edits if b.isEnabled()] == []
    widget.show_tab("services")
    widget.services_view.doubleClicked.emit(widget.services_model.index(0, 0))
    widget.referrals_model.modelReset.emit()  # would enable Letter… for a chosen row
    assert not widget.letter_button.isEnabled()
    widget.show_tab("legal")
    section = widget.journey.legal.sections["legal_steps"]
    QTest.mouseDClick(section.view.viewport(), Qt.MouseButton.LeftButton)
    assert opened == [] and not section.add_button.isEnabled()


def test_the_banner_names_the_other_office_and_case_of_a_linked_person(qtbot, offices):
    (kup, bel, _ntt, _stick), numbers = offices
    at_kup = case_window(qtbot, kup.session, numbers["kept"])
    assert at_kup.banner.links.text() == (
        f"The same person is registered at Kantor BEL (case {numbers['twin']})."
    )
    assert at_kup.banner.isVisible() and not at_kup.banner.text.isVisible()
    at_bel = case_window(qtbot, bel.session, numbers["twin"])
    assert at_bel.banner.links.text() == (
        f"The same person is registered at Kantor KUP (case {numbers['kept']})."
    )
    assert at_bel.save_button.isEnabled()  # a link changes nobody's ownership


def test_a_handed_over_copy_says_so_and_a_declined_request_is_said_once(
    qtbot, offices, monkeypatch
):
    (kup, bel, ntt, stick), numbers = offices
    tr.accept(bel.session, numbers["offered"])
    send(bel, ntt, stick)
    send(ntt, kup, stick)
    handed = case_window(qtbot, kup.session, numbers["offered"])
    assert handed.banner.text.text() == (
        "Handed over to Kantor BEL on 28/11/2026 — read-only copy."
    )
    assert not handed.save_button.isEnabled() and not handed.transfer_button.isVisible()

    tr.request(kup.session, numbers["kept"], "BEL", "Korban sekarang tinggal di Atambua")
    send(kup, ntt, stick)
    send(ntt, bel, stick)
    tr.decline(bel.session, numbers["kept"], "Keluarga sudah kembali ke Kupang")
    send(bel, ntt, stick)
    send(ntt, kup, stick)
    first = case_window(qtbot, kup.session, numbers["kept"])
    assert first.banner.text.text() == (
        "The transfer to Kantor BEL was declined on 28/11/2026: Keluarga sudah kembali ke Kupang"
    )
    assert first.save_button.isEnabled() and first.transfer_button.isEnabled()
    first.reload()  # a save reloads: the window keeps saying it
    assert "was declined" in first.banner.text.text()
    again = case_window(qtbot, kup.session, numbers["kept"])
    assert not again.banner.text.isVisible()


def test_the_main_window_offers_transfers_and_closes_a_declined_copy(qtbot, offices, monkeypatch):
    (_kup, bel, _ntt, _stick), numbers = offices
    window = MainWindow(bel.session)
    qtbot.addWidget(window)
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert "transfers" in keys and "duplicates" not in keys  # a district reviews no duplicates
    go = {a.text(): a.shortcut().toString() for a in window.menuBar().actions()[1].menu().actions()}
    assert go["Transfers"] == f"Ctrl+{keys.index('transfers') + 1}"
    window.show_page("transfers")
    opened = window.open_case(numbers["offered"])
    assert opened is not None and opened.widget.read_only
    monkeypatch.setattr(
        transfer_dialogs.DeclineDialog,
        "exec",
        _decline_with(["Rumah aman Belu sedang penuh"], []),
    )
    window.transfers.decline_button.click()
    assert numbers["offered"] not in window.case_windows
