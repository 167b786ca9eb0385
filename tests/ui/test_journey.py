"""The case file's journey tabs (issue 22): assessments and the intervention plan with
its approval, legal steps, restitution in rupiah and LPSK requests, returns and
check-ups, each added, edited and removed through its dialog and stored."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.conftest import new_case
from tests.helpers import TODAY, second_user
from tests.ui.conftest import fill_and_save
from tipdesk.domain import records as r
from tipdesk.services.casework import cases, journey
from tipdesk.ui.dialogs.journey import (
    AssessmentDialog,
    CheckupDialog,
    LegalStepDialog,
    PlanGoalDialog,
    RestitutionDialog,
    ReturnDialog,
    format_rupiah,
    parse_rupiah,
)
from tipdesk.ui.views import journey_tabs
from tipdesk.ui.views.case_file import CaseFileWidget


@pytest.fixture
def file(session):
    return new_case(session)


def open_widget(qtbot, session, number: str) -> CaseFileWidget:
    widget = CaseFileWidget(session, number)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    return widget


def stored(session, number: str) -> r.CaseFile:
    return cases.open_case(session, number, audit=False)


def rows_of(section) -> list[list[str]]:
    model = section.model
    return [
        [model.index(row, c).data() or "" for c in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_rupiah_are_shown_with_thousands_separators_and_read_back():
    assert format_rupiah(12_500_000) == "Rp 12.500.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(None) == ""
    for typed in ("Rp 12.500.000", "12.500.000", "12500000", " rp12 500 000 "):
        assert parse_rupiah(typed) == 12_500_000
    with pytest.raises(ValueError):
        parse_rupiah("dua belas juta")


def test_an_assessment_is_added_edited_and_removed(qtbot, session, file, monkeypatch):
    widget = open_widget(qtbot, session, file.case.case_number)
    tab = widget.journey.assessment
    section = tab.sections["assessments"]

    def fill(dialog):
        form = dialog.form
        form.editors["kind"].set_value("risk_triage")
        form.editors["risk_level"].set_value("high")
        qtbot.keyClicks(form.editors["respond_by"].edit, "30/11/2026")

    monkeypatch.setattr(AssessmentDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    [saved] = stored(session, file.case.case_number).assessments
    assert (saved.kind, saved.risk_level, saved.respond_by) == (
        "risk_triage",
        "high",
        dt.date(2026, 11, 30),
    )
    assert rows_of(section)[0][:4] == ["Risk triage", "28/11/2026", "High", "30/11/2026"]
    assert widget.tabs.tabText(widget.tabs.indexOf(tab)) == "Assessment && plan (1)"

    def change(dialog):
        dialog.form.editors["risk_level"].set_value("medium")

    monkeypatch.setattr(AssessmentDialog, "exec", fill_and_save(change))
    section.view.selectRow(0)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    assert stored(session, file.case.case_number).assessments[0].risk_level == "medium"
    assert rows_of(section)[0][2] == "Medium"

    monkeypatch.setattr(journey_tabs.ConfirmRecordRemoval, "ask", classmethod(lambda c, p, w: True))
    section.view.selectRow(0)
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert stored(session, file.case.case_number).assessments == []
    assert section.model.rowCount() == 0
    assert widget.tabs.tabText(widget.tabs.indexOf(tab)) == "Assessment && plan"
    assert widget.message.text() == "Record removed."


def test_a_plan_goal_names_the_services_that_serve_it(qtbot, session, file, monkeypatch):
    service = r.Service(case_id=file.case.id, service_type="health", planned_on=TODAY)
    cases.add_service(session, service)
    widget = open_widget(qtbot, session, file.case.case_number)
    section = widget.journey.assessment.sections["plan_goals"]

    def fill(dialog):
        form = dialog.form
        qtbot.keyClicks(form.editors["goal"].edit, "Pulih dari trauma")
        form.editors["domain"].set_value("mental_health")
        qtbot.keyClicks(form.editors["review_on"].edit, "15/12/2026")
        form.editors["linked_ids"].set_checked(service.id)

    monkeypatch.setattr(PlanGoalDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    [goal] = stored(session, file.case.case_number).plan_goals
    assert goal.linked_ids == [service.id] and goal.review_on == dt.date(2026, 12, 15)
    assert rows_of(section)[0][:3] == ["Mental health", "Pulih dari trauma", "1"]
    assert widget.journey.assessment.approval.text() == "Not approved: 1 of 1 goals wait."


def test_a_supervisor_approves_the_plan_and_a_case_worker_may_not(qtbot, session, file):
    journey.add_record(
        session, r.PlanGoal(case_id=file.case.id, goal="Kembali sekolah", domain="education")
    )
    worker = second_user(session, "siti", "caseworker")
    file.case.assigned_to = "siti"  # her case: she sees it and changes its records
    cases.save_case_file(session, file.person, file.case)
    try:
        theirs = open_widget(qtbot, worker, file.case.case_number)
        tab = theirs.journey.assessment
        assert tab.approval.text() == "Not approved: 1 of 1 goals wait."
        assert not tab.approve_button.isEnabled()
        assert tab.approve_button.toolTip() == "Only a supervisor approves the plan"
        tab.approve()  # the service refuses even if the button were pressed
        assert theirs.message.isVisibleTo(theirs) and theirs.message.text()
        assert stored(session, file.case.case_number).plan_goals[0].approved_by == ""
    finally:
        worker.close()

    widget = open_widget(qtbot, session, file.case.case_number)
    tab = widget.journey.assessment
    assert tab.approve_button.isEnabled()
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    goal = stored(session, file.case.case_number).plan_goals[0]
    assert (goal.approved_by, goal.approved_on) == ("admin", TODAY)
    assert tab.approval.text().startswith("Approved by ")
    assert tab.approval.text().endswith(" on 28/11/2026.")
    assert not tab.approve_button.isEnabled()
    assert rows_of(tab.sections["plan_goals"])[0][-1] == "28/11/2026"


def test_legal_steps_are_a_dated_timeline(qtbot, session, file, monkeypatch):
    for kind, day in (
        ("indictment", dt.date(2026, 11, 10)),
        ("police_report", dt.date(2026, 10, 5)),
    ):
        journey.add_record(session, r.LegalStep(case_id=file.case.id, kind=kind, step_on=day))
    widget = open_widget(qtbot, session, file.case.case_number)
    section = widget.journey.legal.sections["legal_steps"]
    assert rows_of(section)[0][:2] == ["05/10/2026", "Police report"]

    def fill(dialog):
        form = dialog.form
        form.editors["kind"].set_value("verdict")
        form.editors["step_on"].edit.clear()
        qtbot.keyClicks(form.editors["step_on"].edit, "20/11/2026")
        form.editors["outcome"].set_value("convicted")
        qtbot.keyClicks(form.editors["authority"].edit, "PN Kupang")
        qtbot.keyClicks(form.editors["sentence_months"].edit, "48")
        qtbot.keyClicks(form.editors["perpetrators"].edit, "2")

    monkeypatch.setattr(LegalStepDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert [row[0] for row in rows_of(section)] == ["05/10/2026", "10/11/2026", "20/11/2026"]
    verdict = [s for s in stored(session, file.case.case_number).legal_steps if s.kind == "verdict"]
    assert (verdict[0].outcome, verdict[0].sentence_months) == ("convicted", 48)
    assert widget.tabs.tabText(widget.tabs.indexOf(widget.journey.legal)) == (
        "Legal && restitution (3)"
    )


def test_restitution_is_typed_and_shown_in_rupiah(qtbot, session, file, monkeypatch):
    widget = open_widget(qtbot, session, file.case.case_number)
    section = widget.journey.legal.sections["restitution"]

    def fill(dialog):
        form = dialog.form
        qtbot.keyClicks(form.editors["requested_on"].edit, "20/10/2026")
        qtbot.keyClicks(form.editors["requested_amount"].edit, "Rp 12.500.000")
        qtbot.keyClicks(form.editors["awarded_on"].edit, "25/11/2026")
        qtbot.keyClicks(form.editors["awarded_amount"].edit, "7500000")

    monkeypatch.setattr(RestitutionDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    [claim] = stored(session, file.case.case_number).restitution
    assert (claim.requested_amount, claim.awarded_amount) == (12_500_000, 7_500_000)
    assert rows_of(section)[0][:4] == ["20/10/2026", "Rp 12.500.000", "", "Rp 7.500.000"]

    seen = {}

    def reopen(dialog):
        seen["shown"] = dialog.form.editors["requested_amount"].edit.text()
        dialog.form.editors["paid_amount"].edit.setText("sejuta")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        seen["problem"] = dialog.form.problem_text("paid_amount")
        return dialog.result()

    monkeypatch.setattr(RestitutionDialog, "exec", reopen)
    section.view.selectRow(0)
    section.edit()
    assert seen["shown"] == "Rp 12.500.000"
    assert seen["problem"]  # not a number: said under the field, nothing saved
    assert stored(session, file.case.case_number).restitution[0].paid_amount is None


def test_a_return_and_its_check_up(qtbot, session, file, monkeypatch):
    widget = open_widget(qtbot, session, file.case.case_number)
    tab = widget.journey.returns

    def fill_return(dialog):
        form = dialog.form
        form.editors["escort"].set_value("social_affairs")
        qtbot.keyClicks(form.editors["departed_on"].edit, "03/11/2026")
        qtbot.keyClicks(form.editors["handover_number"].edit, "BA/12/2026")

    monkeypatch.setattr(ReturnDialog, "exec", fill_and_save(fill_return))
    qtbot.mouseClick(tab.sections["returns"].add_button, Qt.MouseButton.LeftButton)
    [back] = stored(session, file.case.case_number).returns

    def fill_checkup(dialog):
        assert dialog.form.editors["return_id"].read()[0] == back.id  # the latest return
        dialog.form.editors["status"].set_value("needs_support")

    monkeypatch.setattr(CheckupDialog, "exec", fill_and_save(fill_checkup))
    qtbot.mouseClick(tab.sections["checkups"].add_button, Qt.MouseButton.LeftButton)
    [checkup] = stored(session, file.case.case_number).checkups
    assert (checkup.return_id, checkup.status) == (back.id, "needs_support")
    assert rows_of(tab.sections["checkups"])[0][:2] == ["28/11/2026", "Needs support"]
    assert widget.tabs.tabText(widget.tabs.indexOf(tab)) == "Return (2)"


def test_the_journey_tabs_work_from_the_keyboard(qtbot, session, file, monkeypatch):
    journey.add_record(
        session, r.LegalStep(case_id=file.case.id, kind="police_report", step_on=TODAY)
    )
    widget = open_widget(qtbot, session, file.case.case_number)
    widget.show()
    widget.show_tab("legal")
    section = widget.journey.legal.sections["legal_steps"]
    opened = []
    monkeypatch.setattr(
        LegalStepDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()) or 0
    )
    section.view.setFocus()
    section.view.selectRow(0)
    qtbot.keyClick(section.view, Qt.Key.Key_Return)
    assert opened == ["Edit legal step"]
    monkeypatch.setattr(journey_tabs.ConfirmRecordRemoval, "ask", classmethod(lambda c, p, w: True))
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    assert stored(session, file.case.case_number).legal_steps == []


def test_journey_tabs_count_their_records_and_fill_when_chosen(qtbot, session, file):
    for kind, day in (("police_report", 5), ("investigation", 20)):
        journey.add_record(
            session,
            r.LegalStep(case_id=file.case.id, kind=kind, step_on=dt.date(2026, 10, day)),
        )
    widget = open_widget(qtbot, session, file.case.case_number)
    widget.show()
    qtbot.waitExposed(widget)
    legal = widget.journey.legal
    # The title counts the steps before the tab was ever looked at; its tables are made
    # when it is (a case file opens faster without them).
    assert widget.tabs.tabText(widget.tabs.indexOf(legal)) == "Legal && restitution (2)"
    assert not legal.findChildren(type(widget.services_view))
    widget.show_tab("legal")
    qtbot.waitUntil(lambda: legal.sections["legal_steps"].view.isVisible())
    section = legal.sections["legal_steps"]
    assert [row[:2] for row in rows_of(section)] == [
        ["05/10/2026", "Police report"],
        ["20/10/2026", "Investigation (victim's BAP)"],
    ]
    view = section.view
    kind = view.model().index(0, 1).data()
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance(kind)  # fitted once seen
    # the section with rows has more room than the empty ones beside it
    empty = legal.sections["restitution"]
    assert section.height() > empty.height()


def test_the_plan_is_printed_from_its_tab_once_it_has_goals(qtbot, session, file, monkeypatch):
    from tipdesk.ui.dialogs.plan_sheet import PlanSheetDialog

    asked: list[str] = []
    monkeypatch.setattr(
        PlanSheetDialog,
        "run",
        classmethod(lambda cls, s, number, parent=None: asked.append(number)),
    )
    widget = open_widget(qtbot, session, file.case.case_number)
    tab = widget.journey.assessment
    assert not tab.print_button.isEnabled()  # no goals: nothing to print
    journey.add_record(
        session, r.PlanGoal(case_id=file.case.id, goal="Kembali sekolah", domain="education")
    )
    widget.reload()
    assert tab.print_button.isEnabled()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert asked == [file.case.case_number]
