"""The new-case dialog: the person and first case forms, and the duplicate check that
runs before anything is written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tests.conftest import new_case
from tipdesk.domain import records as r
from tipdesk.services.casework import cases
from tipdesk.ui.dialogs.new_case import CandidatesModel, DuplicatesDialog, NewCaseDialog
from tipdesk.ui.views.case_file import UnsavedChanges

NIK = "5371015403990001"  # a woman born 14-03-1999, registered in Alak, Kota Kupang


def counts(session) -> tuple[int, int]:
    return session.db["persons"].count, session.db["cases"].count


def fill(qtbot, dialog: NewCaseDialog, *, name="Maria Gorety Bria", nik=NIK) -> None:
    person = dialog.person_form.editors
    qtbot.keyClicks(person["full_name"].edit, name)
    person["sex"].set_value("female")
    qtbot.keyClicks(person["birth_date"].edit, "1999-03-14")
    qtbot.keyClicks(person["nik"].edit, nik)
    case = dialog.case_form.editors
    case["intake_source"].set_value("police")
    case["exploitation_types"].model.set_checked("domestic_servitude", True)


def save_button(dialog: NewCaseDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_a_new_person_and_first_case_are_created(qtbot, session, monkeypatch):
    def exec_(dialog):
        assert dialog.case_form.editors["opened_on"].edit.text() == "28/11/2026"  # today
        fill(qtbot, dialog)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(NewCaseDialog, "exec", exec_)
    number = NewCaseDialog.create(session)
    assert number == "KUP-2026-00001"
    stored = cases.open_case(session, number)
    assert (stored.person.full_name, stored.person.nik, stored.person.birth_date) == (
        "Maria Gorety Bria",
        NIK,
        dt.date(1999, 3, 14),
    )
    assert stored.case.intake_source == "police"
    assert stored.case.exploitation_types == ["domestic_servitude"]
    assert stored.case.opened_on == dt.date(2026, 11, 28)
    assert stored.case.assigned_to == "admin"


def test_missing_required_fields_are_shown_and_nothing_is_written(qtbot, session):
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert dialog.person_form.problem_text("full_name") == "Full name: is required."
    assert dialog.person_form.problem_text("sex") == "Sex: is required."
    assert dialog.message.text() == "Nothing was saved; correct these fields: Full name, Sex."
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert counts(session) == (0, 0)


def test_the_same_nik_offers_the_existing_case_instead(qtbot, session, monkeypatch):
    existing = new_case(session, person_overrides={"nik": NIK})
    shown = {}

    def choose_open(dialog):
        model = dialog.model
        shown["row"] = [model.index(0, c).data() for c in range(model.columnCount())]
        shown["headers"] = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(DuplicatesDialog, "exec", choose_open)
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog)
    assert dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_case_number == existing.case.case_number
    assert dialog.case_number is None
    assert shown["headers"] == [
        "Name",
        "Register number",
        "Birth date / age",
        "Cases",
        "Why it may be the same person",
    ]
    assert shown["row"][:4] == [
        "Maria Goreti Bria",
        existing.person.register_number,
        "14/03/1999 (27)",
        existing.case.case_number,
    ]
    assert "Same NIK" in shown["row"][4]
    assert counts(session) == (1, 1)


def test_a_similar_name_of_the_same_age_is_shown_too(qtbot, session, monkeypatch):
    new_case(session)  # Maria Goreti Bria, born 1999-03-14, no NIK
    reasons = []

    def go_back(dialog):
        reasons.append(dialog.model.index(0, 4).data())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(DuplicatesDialog, "exec", go_back)
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, nik="")
    assert not dialog.save()
    assert reasons == ["Similar name"]
    assert counts(session) == (1, 1)


def test_create_returns_the_chosen_case_number(qtbot, session, monkeypatch):
    existing = new_case(session, person_overrides={"nik": NIK})
    monkeypatch.setattr(
        DuplicatesDialog,
        "ask",
        classmethod(
            lambda cls, parent, candidates, today: (
                DuplicatesDialog.OPEN,
                candidates[0].case_numbers[0],
            )
        ),
    )

    def exec_(dialog):
        fill(qtbot, dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(NewCaseDialog, "exec", exec_)
    assert NewCaseDialog.create(session) == existing.case.case_number


def test_create_anyway_registers_a_second_person(qtbot, session, monkeypatch):
    new_case(session, person_overrides={"nik": NIK})

    def create_anyway(dialog):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(DuplicatesDialog, "exec", create_anyway)
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog)
    assert dialog.save()
    assert dialog.case_number == "KUP-2026-00002"
    assert dialog.chosen_case_number is None
    assert counts(session) == (2, 2)
    assert [p.code for p in dialog.warnings] == ["duplicate_nik"]


def test_going_back_from_the_duplicates_keeps_the_form_and_writes_nothing(
    qtbot, session, monkeypatch
):
    new_case(session, person_overrides={"nik": NIK})
    monkeypatch.setattr(
        DuplicatesDialog, "ask", classmethod(lambda cls, parent, candidates, today: None)
    )
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog)
    assert not dialog.save()
    assert dialog.person_form.editors["full_name"].edit.text() == "Maria Gorety Bria"
    assert counts(session) == (1, 1)


def test_cancelling_typed_in_details_asks_first(qtbot, session, monkeypatch):
    asked = []

    def answer(choice):
        monkeypatch.setattr(
            UnsavedChanges, "ask", classmethod(lambda cls, parent: asked.append(parent) or choice)
        )

    answer(UnsavedChanges.CANCEL)
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.person_form.editors["full_name"].edit, "Yohana")
    with qtbot.assertNotEmitted(dialog.rejected):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )
    assert asked == [dialog]
    assert dialog.person_form.editors["full_name"].edit.text() == "Yohana"
    answer(UnsavedChanges.DISCARD)
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert counts(session) == (0, 0)


def test_the_candidates_model_passes_the_model_tester(qtbot, qtmodeltester, session):
    from tipdesk.services.casework.duplicates import (
        find_duplicates,  # another module, written apart
    )

    new_case(session, person_overrides={"nik": NIK})
    found = find_duplicates(session, r.Person(full_name="Maria Bria", sex="female", nik=NIK))
    model = CandidatesModel(found, dt.date(2026, 11, 28))
    assert model.rowCount() == 1
    qtmodeltester.check(model)


# --- a victim who returns: a new case for the person already registered (issue 21) -------


def test_a_returning_person_gets_a_new_case_not_a_second_record(qtbot, session, monkeypatch):
    existing = new_case(session, person_overrides={"nik": NIK, "phone": "081234567890"})
    before_register_number = existing.person.register_number

    def for_this_person(dialog):
        assert dialog.for_person_button.isEnabled()
        qtbot.mouseClick(dialog.for_person_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(DuplicatesDialog, "exec", for_this_person)
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog)  # "Maria Gorety Bria": the register has "Maria Goreti Bria"
    qtbot.keyClicks(dialog.person_form.editors["phone"].edit, "085299990000")
    qtbot.keyClicks(dialog.person_form.editors["address"].edit, "Jl. Timor Raya 12")
    assert dialog.save()
    assert counts(session) == (1, 2)  # the same person, a second case
    stored = cases.open_case(session, dialog.case_number)
    assert stored.person.id == existing.person.id
    assert stored.person.register_number == before_register_number
    assert stored.case.intake_source == "police"
    # What the register lacked is filled in; what it holds differently is kept and said.
    assert stored.person.address == "Jl. Timor Raya 12"
    assert stored.person.phone == "081234567890"
    assert stored.person.full_name == "Maria Goreti Bria"
    kept = {p.field: p.params for p in dialog.warnings if p.code == "kept_registered_value"}
    assert kept["phone"] == {"kept": "081234567890", "typed": "085299990000"}
    assert kept["full_name"] == {"kept": "Maria Goreti Bria", "typed": "Maria Gorety Bria"}
    # Both cases are the person's: her case file lists the other one.
    assert [c.case_number for c in cases.cases_of_person(session, existing.person.id)] == [
        existing.case.case_number,
        dialog.case_number,
    ]


def test_a_new_case_from_the_case_file_asks_only_for_the_case(qtbot, session, monkeypatch):
    from tipdesk.ui.main_window import MainWindow

    existing = new_case(session, person_overrides={"nik": NIK})
    window = MainWindow(session)
    qtbot.addWidget(window)
    case_window = window.open_case(existing.case.case_number)
    button = case_window.widget.new_case_button
    assert button.isVisible() and button.text() == "New case for this person…"
    seen = {}

    def exec_(dialog):
        seen["title"] = dialog.windowTitle()
        seen["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        dialog.case_form.editors["intake_source"].set_value("walk_in")
        dialog.case_form.editors["exploitation_types"].model.set_checked("forced_labour", True)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(NewCaseDialog, "exec", exec_)
    button.click()
    assert seen["title"] == (f"New case for Maria Goreti Bria ({existing.person.register_number})")
    assert seen["tabs"] == ["New case"]
    assert counts(session) == (1, 2)
    numbers = [c.case_number for c in cases.cases_of_person(session, existing.person.id)]
    assert len(numbers) == 2
    assert numbers[1] in window.case_windows  # the new case opened in its own window
    for w in list(window.case_windows.values()):
        w.close()
