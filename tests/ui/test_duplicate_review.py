"""The province's duplicate review on screen (issue 23): candidate pairs of two offices
side by side, one linked as the same person (with a note), another dismissed, a scan
found again in the background and one cancelled leaving the list as it was, a link
unlinked with a reason; a district has no such screen."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import close_all, copy_offices, new_case, send, two_districts
from tests.ui.conftest import cancelled_at_once, settle
from tipdesk.services.casework import people_links
from tipdesk.ui.dialogs.people_links import LinkDialog, UnlinkDialog
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.views.duplicates import DuplicatesView


@pytest.fixture(scope="module")
def registers(tmp_path_factory):
    """KUP registered Maria (NIK given) and Yohana; BEL registered Maria with the same
    NIK and Yohana with a compatible age, and Agustina, whom nobody else knows. The
    province NTT holds all of them. Made once, closed: tests copy it."""
    root = tmp_path_factory.mktemp("duplicates")
    kup, bel, ntt, stick = two_districts(root)
    nik = "5371015403990001"
    new_case(kup.session, {"nik": nik})
    new_case(kup.session, {"full_name": "Yohana Tefa", "birth_date": dt.date(2001, 5, 6)})
    new_case(bel.session, {"full_name": "Maria Goreti Bria", "nik": nik})
    new_case(bel.session, {"full_name": "Yohana Tefa", "birth_date": None, "estimated_age": 25})
    new_case(bel.session, {"full_name": "Agustina Seran", "birth_date": dt.date(1990, 2, 2)})
    send(kup, ntt, stick)
    send(bel, ntt, stick)
    close_all((kup, bel, ntt))
    return kup, bel, ntt


@pytest.fixture
def offices(registers, tmp_path):
    copies = copy_offices(registers, tmp_path)
    yield copies
    close_all(copies)


def screen(qtbot, session) -> DuplicatesView:
    view = DuplicatesView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    return view


def pairs(view: DuplicatesView) -> list[list[str]]:
    model = view.pairs_model
    return [
        [model.index(row, c).data() or "" for c in range(model.columnCount() - 1)]
        for row in range(model.rowCount())
    ]


MARIA = [
    "Same NIK, Similar name, compatible age",
    "Maria Goreti Bria (KUP)",
    "Maria Goreti Bria (BEL)",
]
YOHANA = ["Similar name, compatible age", "Yohana Tefa (KUP)", "Yohana Tefa (BEL)"]


def _sorted(found: list[list[str]]) -> list[list[str]]:
    """Each pair with KUP's person first (the service orders a pair by person id)."""
    return sorted([row[0], *sorted(row[1:], key=lambda who: "(KUP)" not in who)] for row in found)


def test_a_scan_lists_pairs_side_by_side_and_one_is_linked_another_dismissed(
    qtbot, offices, monkeypatch
):
    ntt = offices[2]
    view = screen(qtbot, ntt.session)
    view.scan_button.click()
    settle()
    assert view.message.text() == "Scan done: 2 pairs may be one person."
    assert _sorted(pairs(view)) == sorted([MARIA, YOHANA])
    assert view.count.text() == "2 pairs may be one person."
    # The chosen pair, side by side: both offices, names, age, NIK and case numbers.
    view.pairs.selectRow([r[0] for r in pairs(view)].index(MARIA[0]))
    shown = {
        key: (view.sides[0][key].text(), view.sides[1][key].text())
        for key in ("office", "nik", "born", "cases")
    }
    assert sorted(shown["office"]) == ["BEL · Kantor BEL", "KUP · Kantor KUP"]
    assert shown["nik"] == ("5371015403990001", "5371015403990001")
    assert shown["born"] == ("14/03/1999 (27 years)", "14/03/1999 (27 years)")
    assert sorted(shown["cases"]) == ["BEL-2026-00001", "KUP-2026-00001"]

    monkeypatch.setattr(LinkDialog, "ask", classmethod(lambda c, pair, parent: "Ditelepon"))
    view.link_button.click()
    assert "Linked: Maria Goreti Bria" in view.message.text()
    assert _sorted(pairs(view)) == [YOHANA]
    links = view.links_model
    assert links.rowCount() == 1
    row_text = [links.index(0, c).data() for c in range(links.columnCount())]
    assert sorted(row_text[:2]) == ["BEL-2026-00001 (BEL)", "KUP-2026-00001 (KUP)"]
    assert row_text[5] == "Ditelepon"
    assert people_links.list_links(ntt.session)[0].link.note == "Ditelepon"

    view.dismiss_button.click()
    assert pairs(view) == []
    assert view.count.text() == "No pairs to review. Scan to look again."
    assert not view.link_button.isEnabled()
    view.scan_button.click()  # neither comes back: one linked, one two people
    settle()
    assert pairs(view) == []


def test_a_cancelled_scan_leaves_the_list_as_it_was(qtbot, offices, monkeypatch):
    ntt = offices[2]
    session = ntt.session
    people_links.scan(session)
    # Maria's pair linked and unlinked: it leaves the list, until a scan finds it again.
    maria = next(p for p in people_links.candidates(session) if "same_nik" in p.reasons)
    made = people_links.link(session, maria.a.person.id, maria.b.person.id)
    people_links.unlink(session, made.id, "Salah tautkan, dua orang berbeda")
    view = screen(qtbot, session)
    before = pairs(view)
    assert _sorted(before) == [YOHANA]
    cancelled_at_once(monkeypatch, "tipdesk.ui.views.duplicates")
    view.scan_button.click()
    settle()
    assert view.message.text() == "Scan cancelled; the list is as it was."
    view.load_candidates()
    assert pairs(view) == before
    assert view.scan_button.isEnabled()
    monkeypatch.undo()
    view.scan_button.click()  # a scan that runs to its end finds Maria again
    settle()
    assert _sorted(pairs(view)) == sorted([MARIA, YOHANA])


def test_unlinking_asks_for_a_reason(qtbot, offices, monkeypatch):
    ntt = offices[2]
    view = screen(qtbot, ntt.session)
    view.scan_button.click()
    settle()
    monkeypatch.setattr(LinkDialog, "ask", classmethod(lambda c, pair, parent: ""))
    view.link_button.click()
    view.tabs.setCurrentIndex(1)
    assert view.unlink_button.isEnabled()
    said = []

    def exec_(dialog):
        for reason in ("", "Beda ibu kandung, dicek ke keluarga"):
            dialog.reason.edit.setPlainText(reason)
            dialog.unlink_button.click()
            said.append(dialog.message.text() if not dialog.message.isHidden() else "")
        return dialog.result()

    monkeypatch.setattr(UnlinkDialog, "exec", exec_)
    view.unlink_button.click()
    assert "is required" in said[0]
    assert said[1] == ""
    assert view.links_model.rowCount() == 0
    assert view.message.text() == "Unlinked."
    assert people_links.list_links(ntt.session) == []


def test_only_a_province_reviews_duplicates(qtbot, offices):
    kup, _bel, ntt = offices
    at_province = MainWindow(ntt.session)
    qtbot.addWidget(at_province)
    assert isinstance(at_province.duplicates, DuplicatesView)
    at_district = MainWindow(kup.session)
    qtbot.addWidget(at_district)
    assert "duplicates" not in at_district.pages
