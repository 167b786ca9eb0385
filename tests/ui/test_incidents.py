"""The Incidents screen (issue 22): incidents with their victim counts, an incident
recorded and edited, its victims with their progress, cases linked and unlinked, and
group intake of many victims at once, duplicates caught, all saved in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from tests.conftest import new_case
from tests.helpers import TODAY
from tests.ui.conftest import fill_and_save
from tipdesk.domain import records as r
from tipdesk.services.casework import cases, journey
from tipdesk.ui.dialogs.journey import NEW_PERSON, SKIP, GroupIntakeDialog, IncidentDialog
from tipdesk.ui.views import incidents as incidents_view
from tipdesk.ui.views.incidents import IncidentsView


def screen(qtbot, session) -> IncidentsView:
    view = IncidentsView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    return view


def table(model) -> list[list[str]]:
    return [
        [model.index(row, c).data() or "" for c in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def raid(session, place: str = "Pelabuhan Tenau") -> r.Incident:
    incident, _ = journey.create_incident(
        session,
        r.Incident(occurred_on=dt.date(2026, 11, 20), kind="raid", place=place),
    )
    return incident


def test_incidents_list_with_their_victim_counts(qtbot, session):
    first = raid(session)
    for name in ("Maria Bria", "Yuliana Seran"):
        file = new_case(session, {"full_name": name})
        journey.link_case(session, file.case.case_number, first.incident_number)
    view = screen(qtbot, session)
    assert table(view.model) == [
        ["KUP-KJ-2026-0001", "20/11/2026", "Pelabuhan Tenau", "Raid", "2"],
    ]
    assert view.victims_heading.text() == "Victims of KUP-KJ-2026-0001 (2)"
    names = [row[1] for row in table(view.victims_model)]
    assert names == ["Maria Bria", "Yuliana Seran"]


def test_an_incident_is_recorded_and_edited_through_its_dialog(qtbot, session, monkeypatch):
    view = screen(qtbot, session)
    assert view.victims_heading.text() == "No incident recorded yet."

    def fill(dialog):
        form = dialog.form
        form.editors["kind"].set_value("deportation")
        qtbot.keyClicks(form.editors["place"].edit, "Bandara El Tari")

    monkeypatch.setattr(IncidentDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    [row] = journey.list_incidents(session)
    assert (row.incident.kind, row.incident.place, row.incident.occurred_on) == (
        "deportation",
        "Bandara El Tari",
        TODAY,
    )
    assert table(view.model)[0][:4] == [
        "KUP-KJ-2026-0001",
        "28/11/2026",
        "Bandara El Tari",
        "Deportation",
    ]
    assert view.message.text() == "Incident KUP-KJ-2026-0001 recorded."

    def change(dialog):
        dialog.form.editors["place"].edit.setText("Pelabuhan Tenau")

    monkeypatch.setattr(IncidentDialog, "exec", fill_and_save(change))
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert journey.list_incidents(session)[0].incident.place == "Pelabuhan Tenau"
    assert table(view.model)[0][2] == "Pelabuhan Tenau"


def test_victims_show_their_progress_and_open_link_and_unlink(qtbot, session, monkeypatch):
    incident = raid(session)
    file = new_case(session)
    journey.link_case(session, file.case.case_number, incident.incident_number)
    journey.add_record(
        session,
        r.LegalStep(case_id=file.case.id, kind="police_report", step_on=dt.date(2026, 11, 21)),
    )
    journey.add_record(
        session,
        r.Return(case_id=file.case.id, escort="social_affairs", handover_on=dt.date(2026, 11, 25)),
    )
    other = new_case(session, {"full_name": "Yuliana Seran"})
    view = screen(qtbot, session)
    [victim] = table(view.victims_model)
    assert victim == [
        file.case.case_number,
        "Maria Goreti Bria",
        "Open",
        "Police report 21/11/2026",
        "Handed over 25/11/2026",
    ]
    opened = []
    view.open_case_requested.connect(opened.append)
    view.victims.setFocus()
    view.victims.selectRow(0)
    qtbot.keyClick(view.victims, Qt.Key.Key_Return)
    assert opened == [file.case.case_number]

    monkeypatch.setattr(
        incidents_view.AskCaseNumber, "ask", classmethod(lambda c, p: other.case.case_number)
    )
    qtbot.mouseClick(view.link_button, Qt.MouseButton.LeftButton)
    assert cases.open_case(session, other.case.case_number).incident.id == incident.id
    assert table(view.model)[0][4] == "2"

    view.victims.selectRow(0)
    qtbot.mouseClick(view.unlink_button, Qt.MouseButton.LeftButton)
    assert cases.open_case(session, file.case.case_number).incident is None
    assert [row[0] for row in table(view.victims_model)] == [other.case.case_number]
    assert table(view.model)[0][4] == "1"


# --- group intake ----------------------------------------------------------------------------


def fill_thirty(dialog: GroupIntakeDialog) -> None:
    """Thirty victims of a raid; rows 4 and 10 are people already in the register."""
    for row in range(30):
        dialog.set_row(
            row,
            name=f"Korban {chr(65 + row % 26)}{chr(65 + row // 26)}wati Lende",
            sex="female",
            born=str(16 + row % 15),
            phone=f"0812{row:06d}",
            exploitation="sexual_exploitation",
        )
    dialog.set_row(
        3, name="Maria Goreti Bria", sex="female", born="14/03/1999", exploitation="forced_labour"
    )
    dialog.set_row(9, name="Yuliana Seran", sex="female", nik="5371015503000001")


@pytest.fixture
def registered(session):
    """Two people the register holds already, as the raid's rows 4 and 10 will name."""
    maria = new_case(session)
    yuliana = new_case(session, {"full_name": "Yuliana Seran", "nik": "5371015503000001"})
    return maria, yuliana


def intake(qtbot, session, incident, monkeypatch, act) -> IncidentsView:
    view = screen(qtbot, session)
    monkeypatch.setattr(GroupIntakeDialog, "exec", act)
    qtbot.mouseClick(view.intake_button, Qt.MouseButton.LeftButton)
    return view


def test_group_intake_of_thirty_catches_two_duplicates(qtbot, session, registered, monkeypatch):
    maria, yuliana = registered
    incident = raid(session)
    persons_before = session.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    seen = {}

    def act(dialog):
        fill_thirty(dialog)
        assert dialog.check_duplicates() == 2
        seen["found"] = (
            dialog.table.item(3, dialog.FOUND).text(),
            dialog.table.item(9, dialog.FOUND).text(),
        )
        # Save refuses while a row found someone and nobody chose what to do.
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["undecided"] = dialog.message.text()
        dialog.choose(3, maria.person.id)  # the same woman: a new case for her
        dialog.choose(9, SKIP)  # already in care: not registered again
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result()

    view = intake(qtbot, session, incident, monkeypatch, act)
    assert seen["found"][0].startswith(maria.person.register_number + " Maria Goreti Bria")
    assert seen["found"][1].startswith(yuliana.person.register_number + " Yuliana Seran")
    assert seen["undecided"] == (
        "Rows 4, 10 may be people already registered: choose under Save as."
    )
    _, victims, _ = journey.incident_victims(session, incident.incident_number)
    assert len(victims) == 29  # thirty rows, one skipped
    persons_after = session.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    assert persons_after == persons_before + 28  # Maria got a case, not a second record
    assert len(cases.cases_of_person(session, maria.person.id)) == 2
    assert len(cases.cases_of_person(session, yuliana.person.id)) == 1
    assert table(view.model)[0][4] == "29"
    assert view.message.text() == "29 victims registered and linked to KUP-KJ-2026-0001."
    ages = sorted(v.person.estimated_age for v in victims if v.person.estimated_age)
    assert ages[0] == 16


def test_group_intake_with_a_bad_row_saves_nothing(qtbot, session, registered, monkeypatch):
    incident = raid(session)
    persons_before = session.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    seen = {}

    def act(dialog):
        fill_thirty(dialog)
        dialog.check_duplicates()
        dialog.choose(3, NEW_PERSON)
        dialog.choose(9, SKIP)
        dialog.set_row(28, name="Korban Tanpa Jenis", sex=None, born="17")  # row 29: no sex
        dialog.set_row(29, name="Korban Lahir Salah", sex="male", born="31/02/2001")  # row 30
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["message"] = dialog.message.text()
        seen["marked"] = dialog.table.item(28, dialog.SEX).toolTip()
        seen["result"] = dialog.result()
        return dialog.result()

    view = intake(qtbot, session, incident, monkeypatch, act)
    assert seen["result"] == 0
    assert seen["message"].startswith("Nothing was saved.")
    assert "Row 30: " in seen["message"]
    assert seen["marked"]  # the cell says what is wrong
    persons_after = session.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    assert persons_after == persons_before
    assert journey.list_incidents(session)[0].cases == 0
    assert table(view.model)[0][4] == "0"


def test_group_intake_is_typed_from_the_keyboard(qtbot, session, monkeypatch):
    incident = raid(session)

    def act(dialog):
        dialog.show()
        dialog.table.setFocus()
        dialog.table.setCurrentCell(0, dialog.NAME)
        qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
        editor = dialog.table.findChild(QLineEdit)
        qtbot.keyClicks(editor, "Agustina Neno")
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # the name is in, on to Sex
        qtbot.wait(5)  # the closed editor goes
        assert dialog.table.currentColumn() == dialog.SEX
        qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
        combo = dialog.table.findChild(QComboBox)
        combo.setCurrentIndex(combo.findData("female"))
        qtbot.keyClick(combo, Qt.Key.Key_Tab)
        qtbot.wait(5)
        assert dialog.table.currentColumn() == dialog.BORN
        qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
        editor = dialog.table.findChild(QLineEdit)
        qtbot.keyClicks(editor, "19")
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert dialog.add_button.hasFocus() or QApplication.focusWidget() is None
        assert dialog.table.currentColumn() == dialog.NIK  # Ctrl+Tab left the cells alone
        dialog.save()  # as Ctrl+S does
        return dialog.result()

    intake(qtbot, session, incident, monkeypatch, act)
    _, victims, _ = journey.incident_victims(session, incident.incident_number)
    assert [(v.person.full_name, v.person.estimated_age) for v in victims] == [
        ("Agustina Neno", 19)
    ]
