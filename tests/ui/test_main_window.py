"""A case worker's day through the main window: a new case with a service and a
referral, finding it again, editing it, and leaving with nothing lost."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import TODAY, new_case, provider
from tests.ui.conftest import fill_and_save
from tipdesk.services.casework import cases
from tipdesk.ui.dialogs.item_dialogs import ReferralDialog, ServiceDialog
from tipdesk.ui.dialogs.new_case import NewCaseDialog
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.settings import app_settings
from tipdesk.ui.views.case_file import UnsavedChanges


def make_window(qtbot, session) -> MainWindow:
    session.today = lambda: TODAY
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def test_navigation_status_bar_and_every_screen(qtbot, session):
    from tipdesk.ui.views.audit import AuditView
    from tipdesk.ui.views.reports import ReportsView
    from tipdesk.ui.views.users import UsersView

    window = make_window(qtbot, session)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Home",
        "Register",
        "Providers",
        "Referrals",
        "Incidents",
        "Transfers",
        "Reports",
        "Sync",
        "Users",
        "Audit",
    ]
    assert isinstance(window.page("reports"), ReportsView)
    assert isinstance(window.page("users"), UsersView)
    assert isinstance(window.page("audit"), AuditView)
    window.show_page("providers")
    assert window.stack.currentWidget() is window.providers
    assert "KUP" in window.office_label.text()
    assert "admin" in window.user_label.text()
    assert window.path_label.text() == str(session.folder)


def test_a_day_new_case_service_referral_find_edit_save(qtbot, session, monkeypatch):
    clinic = provider(session, name="RSUD Prof. Dr. W. Z. Johannes", provider_type="hospital")
    window = make_window(qtbot, session)

    def fill_case(dialog):
        person = dialog.person_form.editors
        qtbot.keyClicks(person["full_name"].edit, "Yuliana Tefa")
        person["sex"].set_value("female")
        qtbot.keyClicks(person["estimated_age"].edit, "17")
        dialog.case_form.editors["intake_source"].set_value("police")
        dialog.case_form.editors["exploitation_types"].model.set_checked("forced_labour", True)

    monkeypatch.setattr(NewCaseDialog, "exec", fill_and_save(fill_case))
    window.new_case()
    assert list(window.case_windows) == ["KUP-2026-00001"]
    case_window = window.case_windows["KUP-2026-00001"]
    widget = case_window.widget

    def fill_service(dialog):
        dialog.form.editors["service_type"].set_value("health")
        dialog.form.editors["provider_id"].set_value(clinic.id)
        qtbot.keyClicks(dialog.form.editors["started_on"].edit, "2026-11-20")

    monkeypatch.setattr(ServiceDialog, "exec", fill_and_save(fill_service))
    qtbot.mouseClick(widget.add_service_button, Qt.MouseButton.LeftButton)

    def fill_referral(dialog):
        dialog.form.editors["provider_id"].set_value(clinic.id)
        dialog.form.editors["services_requested"].model.set_checked("health", True)
        qtbot.keyClicks(dialog.form.editors["reason"].edit, "Pemeriksaan kesehatan")

    monkeypatch.setattr(ReferralDialog, "exec", fill_and_save(fill_referral))
    qtbot.mouseClick(widget.add_referral_button, Qt.MouseButton.LeftButton)
    stored = cases.open_case(session, "KUP-2026-00001")
    assert [s.service_type for s in stored.services] == ["health"]
    assert [x.provider_id for x in stored.referrals] == [clinic.id]

    # Found again from the register list, by name and by status.
    window.show_page("register")
    view = window.register_list
    qtbot.keyClicks(view.search, "yuli")
    qtbot.waitUntil(lambda: view.model.total() == 1 and view.model.rowCount() == 1)
    assert view.model.case_number_at(0) == "KUP-2026-00001"
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.total() == 1)  # the only case in the register
    closed = next(
        i for i in range(view.status.count()) if tuple(view.status.itemData(i) or ()) == ("closed",)
    )
    view.status.setCurrentIndex(closed)
    qtbot.waitUntil(lambda: view.model.total() == 0)
    view.clear.click()
    qtbot.waitUntil(lambda: view.model.total() == 1)

    # Enter on the row brings the same window forward, not a second one.
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert list(window.case_windows) == ["KUP-2026-00001"]

    # An edit, then leaving: Cancel keeps everything open; Save writes it.
    widget.person_form.editors["alias"].edit.setText("Yuli")
    assert widget.has_unsaved_changes()
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, parent: cls.CANCEL))
    assert not window.close()
    assert case_window.isVisible()
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, parent: cls.SAVE))
    assert window.close()
    assert cases.open_case(session, "KUP-2026-00001").person.alias == "Yuli"
    assert window.case_windows == {}


def test_window_geometry_and_page_are_remembered(qtbot, session):
    window = make_window(qtbot, session)
    assert window.isMaximized()  # the first start, on the small offscreen test screen
    window.showNormal()
    window.resize(780, 520)
    window.show_page("referrals")
    window.close()
    assert app_settings().value("main_window/geometry") == window.saveGeometry()
    again = make_window(qtbot, session)
    assert not again.isMaximized()
    assert again.size().height() == 520  # (the width is held to the screen and the minimum)
    assert again.stack.currentWidget() is again.referrals
    assert app_settings().value("main_window/page") == "referrals"


def test_language_choice_is_saved_for_the_next_start(qtbot, session, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window = make_window(qtbot, session)
    window.language_actions["id"].trigger()
    assert app_settings().value("language") == "id"
    assert told and "next start" in told[0]


def test_start_up_builds_only_the_screen_shown(qtbot, session, monkeypatch):
    from tipdesk.services.casework import listing

    calls = []
    real = listing.dashboard
    monkeypatch.setattr(listing, "dashboard", lambda *a, **k: calls.append(1) or real(*a, **k))
    app_settings().setValue("main_window/page", "register")
    window = make_window(qtbot, session)
    assert window.stack.currentWidget() is window.pages["register"]
    assert calls == []  # the dashboard was not loaded for a screen nobody looks at
    window.show_page("home")
    assert calls == [1]
    window.show_page("register")
    window.show_page("home")  # coming back loads it again
    assert calls == [1, 1]


def test_esc_and_ctrl_w_close_a_case_window_asking_about_unsaved_changes(
    qtbot, session, monkeypatch
):
    number = new_case(session).case.case_number
    window = make_window(qtbot, session)
    asked = []
    monkeypatch.setattr(
        UnsavedChanges, "ask", classmethod(lambda cls, parent: asked.append(1) or cls.CANCEL)
    )
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ):
        case_window = window.open_case(number)
        with qtbot.waitActive(case_window):  # shortcuts reach the active window only
            case_window.activateWindow()
        alias = case_window.widget.person_form.editors["alias"].edit
        alias.setText("Ria")
        qtbot.keyClick(alias, key, modifier)
        assert asked and case_window.isVisible()  # Cancel: still open, edit kept
        assert alias.text() == "Ria"
        case_window.widget.reload()  # nothing unsaved now
        qtbot.keyClick(case_window.widget.tabs, key, modifier)
        assert not case_window.isVisible()
        assert number not in window.case_windows
        asked.clear()


def test_a_case_opened_from_the_referrals_list_shows_its_referrals(qtbot, session):
    number = new_case(session).case.case_number
    window = make_window(qtbot, session)
    window.show_page("referrals")
    window.referrals.open_case_requested.emit(number)
    widget = window.case_windows[number].widget
    assert widget.tabs.currentIndex() == 3
    assert widget.tabs.tabText(3).startswith("Referrals")
    window.case_windows[number].close()
    window.show_page("register")
    window.register_list.open_case_requested.emit(number)
    assert window.case_windows[number].widget.tabs.currentIndex() == 0  # Person


# --- the look: icons and counts of late work; the Help menu (issue 21) ---------------------


def _badge(window: MainWindow, key: str) -> tuple[int, bool]:
    from tipdesk.ui.widgets.look import BadgeDelegate

    for row in range(window.nav.count()):
        item = window.nav.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            return item.data(BadgeDelegate.COUNT_ROLE)
    raise KeyError(key)


def test_navigation_has_icons_and_counts_late_work(qtbot, session):
    import datetime as dt

    from tipdesk.domain import records as r

    late = new_case(
        session, {"full_name": "Marselina Bano"}, follow_up_on=TODAY - dt.timedelta(days=3)
    )
    file = new_case(session, {"full_name": "Yosefina Nahak"}, follow_up_on=TODAY)
    cases.add_referral(
        session,
        r.Referral(
            case_id=file.case.id,
            provider_id=provider(session).id,
            services_requested=["health"],
            status="sent",
            letter_date=TODAY - dt.timedelta(days=20),
            follow_up_on=TODAY - dt.timedelta(days=6),
        ),
    )
    window = make_window(qtbot, session)
    for row in range(window.nav.count()):
        assert not window.nav.item(row).icon().isNull()
    assert _badge(window, "home") == (1, True)
    assert _badge(window, "referrals") == (1, True)
    assert _badge(window, "register") == (0, True)
    assert window.nav.item(0).toolTip() == "1 follow-ups are overdue"
    # The follow-up is moved in the case window: the count follows at once.
    case_window = window.open_case(late.case.case_number)
    case_window.widget.case_form.editors["follow_up_on"].write(TODAY + dt.timedelta(days=7))
    assert case_window.widget.save()
    assert _badge(window, "home") == (0, True)
    assert window.nav.item(0).toolTip() == ""


def test_help_offers_first_steps_shortcuts_and_how_to(qtbot, session, monkeypatch):
    from tipdesk.ui.dialogs import help as help_dialogs

    window = make_window(qtbot, session)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    texts = [a.text().replace("&", "") for a in help_menu.actions() if not a.isSeparator()]
    assert texts == ["First steps", "Keyboard shortcuts", "How do I…", "About TipDesk"]
    shortcuts = help_dialogs.ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(shortcuts)
    rows = dict(shortcuts.rows())
    assert rows["Ctrl+N"] == "File: New case"
    assert rows["Ctrl+L"] == "File: Lock"
    assert rows["Ctrl+1"] == "Go: Home"
    assert rows["Esc"].startswith("Case window: close")
    guide = help_dialogs.GuideDialog(window)
    qtbot.addWidget(guide)
    assert "New case for this person" in guide.text.toPlainText()
    # Hidden first steps come back from the Help menu.
    window.show_page("home")
    window.home.hide_first_steps()
    assert not window.home.first_steps.isVisible()
    window.first_steps_action.trigger()
    assert window.home.first_steps.isVisible()
    assert window.stack.currentWidget() is window.home
