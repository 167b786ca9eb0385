"""Who may do what, in the desktop app: the Users screen, one's own password, the audit
trail (its screen and a case's History), the lock, backups, the person's rights, and what
an analyst, a case worker and a supervisor are offered. Real registers in tmp_path; extra
users are added with the service and signed in with ``open_register``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QWidget,
)

from tests.conftest import FAST_KDF, PASSWORD, TODAY, new_case, sign_in
from tests.ui.conftest import settle
from tipdesk.domain import records as r
from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.vocab import CLOSURE_REASON
from tipdesk.services import backup
from tipdesk.services.access import audit, users
from tipdesk.services.casework import cases
from tipdesk.services.register import open_register
from tipdesk.ui.app import start_main_window
from tipdesk.ui.dialogs import backup as backup_dialogs
from tipdesk.ui.dialogs.person_rights import ConfirmExport, EraseDialog
from tipdesk.ui.dialogs.sign_in import SignInDialog
from tipdesk.ui.dialogs.users import (
    AddUserDialog,
    PasswordDialog,
    RekeyDoneDialog,
    RemoveUserDialog,
    RoleDialog,
)
from tipdesk.ui.lock import LockScreen
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.settings import app_settings, idle_minutes
from tipdesk.ui.views.audit import AuditView
from tipdesk.ui.views.case_file import CaseFileWidget, UnsavedChanges
from tipdesk.ui.views.users import UsersView

NEW_PASSWORD = "kata-sandi-baru-2"


@pytest.fixture
def sign_in_as(session):
    """``sign_in_as(role)``: a new user with that role, signed in (closed afterwards)."""
    opened = []

    def make(role: str, username: str = "") -> object:
        username = username or f"{role}1"
        users.add_user(
            session,
            r.User(username=username, display_name=f"{role.title()} One", role=role),
            PASSWORD,
            kdf=FAST_KDF,
        )
        other = open_register(session.folder, username, PASSWORD)
        other.today = lambda: TODAY
        opened.append(other)
        return other

    yield make
    settle()
    for other in opened:
        other.close()


def window_for(qtbot, session) -> MainWindow:
    session.today = lambda: TODAY
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def users_screen(qtbot, session) -> UsersView:
    view = UsersView(session)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    return view


def save(dialog) -> int:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle()
    return dialog.result()


def filled(fill):
    """An ``exec`` that fills the real dialog, presses Save and returns its result."""

    def exec_(dialog):
        fill(dialog)
        return save(dialog)

    return exec_


def row_of(view: UsersView, username: str) -> list[str]:
    model = view.model
    row = next(i for i in range(model.rowCount()) if model.key_at(i) == username)
    return [model.index(row, c).data() for c in range(model.columnCount())]


def select(view: UsersView, username: str) -> None:
    view.select(username)
    assert view.selected().username == username


def signs_in(folder: Path, username: str, password: str) -> bool:
    try:
        open_register(folder, username, password).close()
    except TipdeskError:
        return False
    return True


# --- the Users screen -----------------------------------------------------------------------


def test_an_admin_adds_a_user_who_can_then_sign_in(qtbot, session, monkeypatch):
    view = users_screen(qtbot, session)
    assert [view.model.key_at(i) for i in range(view.model.rowCount())] == ["admin"]
    assert row_of(view, "admin")[2:4] == ["Administrator", "Active"]
    seen = {}

    def fill(dialog: AddUserDialog):
        qtbot.keyClicks(dialog.username, "dewi")
        qtbot.keyClicks(dialog.display_name, "Dewi Lestari")
        dialog.role.setCurrentIndex(dialog.role.findData("caseworker"))
        qtbot.keyClicks(dialog.password, NEW_PASSWORD)
        qtbot.keyClicks(dialog.repeat, NEW_PASSWORD + "x")
        save(dialog)  # the passwords differ
        seen["differ"] = dialog.message.text()
        seen["added_after_differ"] = [a.username for a in users.list_accounts(session)]
        qtbot.keyClicks(dialog.repeat, NEW_PASSWORD)

    monkeypatch.setattr(AddUserDialog, "exec", filled(fill))
    assert view.add_user() == "dewi"
    assert seen["differ"] == "The two passwords differ. Type the same password twice."
    assert seen["added_after_differ"] == ["admin"]
    assert row_of(view, "dewi")[:4] == ["dewi", "Dewi Lestari", "Case worker", "Active"]
    assert view.selected().username == "dewi"
    assert "dewi is added" in view.message.text()
    assert signs_in(session.folder, "dewi", NEW_PASSWORD)


def test_adding_a_user_shows_the_services_refusals(qtbot, session, monkeypatch):
    view = users_screen(qtbot, session)
    texts = []

    def fill(dialog: AddUserDialog):
        for username, password in (
            ("admin", NEW_PASSWORD),
            ("budi", "short"),
            ("Budi Santoso", NEW_PASSWORD),
        ):
            dialog.username.setText(username)
            dialog.password.setText(password)
            dialog.repeat.setText(password)
            save(dialog)
            texts.append(dialog.message.text())
        dialog.reject()

    monkeypatch.setattr(AddUserDialog, "exec", lambda d: fill(d) or d.result())
    assert view.add_user() == ""
    assert texts[0] == "User 'admin' already exists in this register. Choose another username."
    assert texts[1] == "The password is too short: use at least 8 characters."
    assert "may use only lower-case letters" in texts[2]
    assert [a.username for a in users.list_accounts(session)] == ["admin"]


def test_role_disable_enable_and_reset(qtbot, session, monkeypatch, boxes):
    users.add_user(
        session,
        r.User(username="dewi", display_name="Dewi", role="caseworker"),
        PASSWORD,
        kdf=FAST_KDF,
    )
    view = users_screen(qtbot, session)
    select(view, "dewi")

    monkeypatch.setattr(
        RoleDialog, "exec", filled(lambda d: d.role.setCurrentIndex(d.role.findData("supervisor")))
    )
    assert view.change_role()
    assert row_of(view, "dewi")[2] == "Supervisor (case manager)"
    assert view.message.text() == "dewi is now Supervisor (case manager)."

    assert view.disable_button.isEnabled() and not view.enable_button.isEnabled()
    view.disable()
    settle()
    assert boxes[-1][0] == "question" and "Disable dewi?" in boxes[-1][2]
    assert row_of(view, "dewi")[3] == "Disabled"
    assert not signs_in(session.folder, "dewi", PASSWORD)
    assert view.enable_button.isEnabled() and not view.disable_button.isEnabled()

    def new_password(dialog: PasswordDialog):
        dialog.password.setText(NEW_PASSWORD)
        dialog.repeat.setText(NEW_PASSWORD)

    monkeypatch.setattr(PasswordDialog, "exec", filled(new_password))
    assert view.enable()
    assert row_of(view, "dewi")[3] == "Active"
    assert signs_in(session.folder, "dewi", NEW_PASSWORD)

    monkeypatch.setattr(
        PasswordDialog,
        "exec",
        filled(lambda d: (d.password.setText("reset-pass-3"), d.repeat.setText("reset-pass-3"))),
    )
    assert view.reset_password()
    assert view.message.text() == "The password of dewi is reset."
    assert signs_in(session.folder, "dewi", "reset-pass-3")
    assert not signs_in(session.folder, "dewi", NEW_PASSWORD)


def test_making_someone_an_analyst_asks_for_their_new_password(qtbot, session, monkeypatch):
    users.add_user(
        session,
        r.User(username="dewi", display_name="Dewi", role="caseworker"),
        PASSWORD,
        kdf=FAST_KDF,
    )
    view = users_screen(qtbot, session)
    select(view, "dewi")
    seen = {}

    def fill(dialog: RoleDialog):
        dialog.show()
        seen["before"] = dialog.password.isVisible()
        dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
        seen["supervisor"] = dialog.password.isVisible()
        dialog.role.setCurrentIndex(dialog.role.findData("analyst"))
        seen["analyst"] = dialog.password.isVisible() and dialog.key_note.isVisible()
        dialog.password.setText(NEW_PASSWORD)
        dialog.repeat.setText(NEW_PASSWORD)
        save(dialog)

    monkeypatch.setattr(RoleDialog, "exec", lambda d: fill(d) or d.result())
    assert view.change_role()
    assert seen == {"before": False, "supervisor": False, "analyst": True}
    assert not signs_in(session.folder, "dewi", PASSWORD)
    with sign_in(session.folder, "dewi", NEW_PASSWORD) as analyst:
        assert analyst.analysis  # their password opens the de-identified copy only


def test_the_last_admin_cannot_give_up_the_role(qtbot, session, monkeypatch):
    view = users_screen(qtbot, session)
    select(view, "admin")
    # Not for one's own account: disabling, resetting or removing oneself.
    for button in (view.disable_button, view.reset_button, view.remove_button):
        assert not button.isEnabled()
    seen = {}

    def fill(dialog: RoleDialog):
        dialog.role.setCurrentIndex(dialog.role.findData("caseworker"))
        save(dialog)
        seen["text"], seen["open"] = dialog.message.text(), dialog.result()
        dialog.reject()

    monkeypatch.setattr(RoleDialog, "exec", lambda d: fill(d) or d.result())
    assert not view.change_role()
    assert seen["text"].startswith("'admin' is the last active admin")
    assert row_of(view, "admin")[2] == "Administrator"


def test_removing_a_user_rekeys_by_default(qtbot, session, monkeypatch):
    users.add_user(
        session,
        r.User(username="dewi", display_name="Dewi", role="caseworker"),
        PASSWORD,
        kdf=FAST_KDF,
    )
    new_case(session)
    old_key = session.key
    view = users_screen(qtbot, session)
    select(view, "dewi")
    seen = {}

    def confirm(dialog: RemoveUserDialog):
        seen["ticked"] = dialog.rekey.isChecked()
        seen["checkbox"] = dialog.rekey.text()

    def done(dialog: RekeyDoneDialog):
        seen["done"] = [label.text() for label in dialog.findChildren(QLabel)]
        return 1

    monkeypatch.setattr(RemoveUserDialog, "exec", filled(confirm))
    monkeypatch.setattr(RekeyDoneDialog, "exec", done)
    removed = view.remove()
    assert seen["ticked"] and seen["checkbox"] == (
        "Re-key the database so the removed user's old key no longer opens it"
    )
    assert removed.rekeyed and session.key != old_key
    assert any("dewi is removed and the database has a new key" in t for t in seen["done"])
    assert row_of(view, "dewi")[3] == "Removed"
    assert not view.remove_button.isEnabled() and not view.role_button.isEnabled()
    assert not signs_in(session.folder, "dewi", PASSWORD)
    # The register goes on working, in this session and at the next sign-in.
    assert cases.open_case(session, "KUP-2026-00001").person.full_name == "Maria Goreti Bria"
    assert signs_in(session.folder, "admin", PASSWORD)


def test_after_a_rekey_the_users_to_reset_and_a_new_recovery_code_are_shown(qtbot):
    removed = users.Removed(
        "dewi",
        True,
        needs_reset=("budi",),
        new_recovery_code="ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
    )
    dialog = RekeyDoneDialog(removed)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "budi" in dialog.reset_label.text() and dialog.reset_label.isVisible()
    assert dialog.code_label.text() == removed.new_recovery_code
    assert not dialog.ok_button.isEnabled()
    dialog.reject()  # not before it is on paper
    assert dialog.isVisible()
    dialog.confirm.setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible()


def test_other_roles_read_that_only_admins_manage_users(qtbot, sign_in_as):
    worker = sign_in_as("caseworker")
    view = users_screen(qtbot, worker)
    assert view.intro.text().startswith("Only administrators manage users")
    assert view.table.isHidden() and view.add_button.isHidden()
    assert not view.own_password_button.isHidden()


def test_anyone_changes_their_own_password_from_the_file_menu(qtbot, sign_in_as, monkeypatch):
    worker = sign_in_as("caseworker")
    window = window_for(qtbot, worker)
    seen = {}

    def fill(dialog: PasswordDialog):
        dialog.current.setText("not-my-password")
        dialog.password.setText(NEW_PASSWORD)
        dialog.repeat.setText(NEW_PASSWORD)
        save(dialog)
        seen["wrong"] = dialog.message.text()
        dialog.current.setText(PASSWORD)

    monkeypatch.setattr(PasswordDialog, "exec", filled(fill))
    window.password_action.trigger()
    assert seen["wrong"].startswith("Wrong password for user 'caseworker1'")
    assert signs_in(worker.folder, "caseworker1", NEW_PASSWORD)
    assert window.statusBar().currentMessage() == "Your password is changed."


def test_sign_in_shows_the_delay_after_repeated_failures(qtbot, register):
    for _ in range(5):
        with pytest.raises(TipdeskError):
            open_register(register.folder, "admin", "wrong-password")
    dialog = SignInDialog(register.folder)
    qtbot.addWidget(dialog)
    dialog.password_edit.setText(PASSWORD)
    dialog.sign_in()
    settle()
    assert dialog.session is None
    assert dialog.message.text().startswith("Too many failed attempts for user 'admin'")


# --- the audit trail ------------------------------------------------------------------------


def test_the_audit_screen_lists_newest_first_and_filters(qtbot, session, sign_in_as):
    first = new_case(session).case.case_number
    second = new_case(session, {"full_name": "Yuliana Tefa"}).case.case_number
    cases.open_case(session, first)
    supervisor = sign_in_as("supervisor")
    cases.open_case(supervisor, second)
    view = AuditView(supervisor)
    qtbot.addWidget(view)
    view.show()
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Time", "User", "Action", "Record", "Case no.", "Details"]
    seqs = [int(model.key_at(i)) for i in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) > 4
    newest = [model.index(0, c).data() for c in range(model.columnCount())]
    assert newest[1:5] == ["supervisor1", "Case opened", "Case", second]
    assert newest[0].count("/") == 2  # local day/month/year and time

    qtbot.keyClicks(view.case_number, first)
    view.case_number.flush()
    assert {model.index(i, 4).data() for i in range(model.rowCount())} == {first}
    assert {model.index(i, 2).data() for i in range(model.rowCount())} >= {
        "Case created",
        "Case opened",
    }
    view.case_number.clear()
    view.case_number.flush()
    qtbot.keyClicks(view.username, "supervisor1")
    view.username.flush()
    assert {model.index(i, 1).data() for i in range(model.rowCount())} == {"supervisor1"}
    assert "Signed in" in {model.index(i, 2).data() for i in range(model.rowCount())}
    # No person's name anywhere on the screen.
    texts = [
        model.index(i, c).data()
        for i in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert not any("Maria" in t or "Yuliana" in t for t in texts)


def test_the_audit_page_is_for_admins_and_supervisors(qtbot, session, sign_in_as):
    def pages(s):
        window = window_for(qtbot, s)
        return [window.nav.item(i).text() for i in range(window.nav.count())]

    assert "Audit" in pages(session)
    assert "Audit" in pages(sign_in_as("supervisor"))
    assert "Audit" not in pages(sign_in_as("caseworker"))


def test_history_shows_who_opened_and_changed_the_case(qtbot, session, sign_in_as):
    number = new_case(session).case.case_number
    supervisor = sign_in_as("supervisor")
    widget = CaseFileWidget(supervisor, number)  # opening it is audited
    qtbot.addWidget(widget)
    widget.person_form.editors["alias"].edit.setText("Ria")
    assert widget.save()
    widget.tabs.setCurrentWidget(widget.history_tab)
    assert widget.access_heading.text() == "Who opened or changed this case"
    model = widget.access_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Time", "User", "Action", "Record", "Details"]
    rows = [
        [model.index(i, c).data() for c in range(model.columnCount())]
        for i in range(model.rowCount())
    ]
    who_what = [row[1:3] for row in rows]  # newest first
    changed = who_what.index(["supervisor1", "Case changed"])
    assert ["supervisor1", "Case opened"] in who_what[changed + 1 :]
    assert who_what[-1] == ["admin", "Case created"]
    assert rows[changed][-1] == "fields: Alias"  # which fields, never their values
    assert widget.access_note.isHidden()


# --- the lock -------------------------------------------------------------------------------


def lock_screen() -> LockScreen:
    [screen] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, LockScreen) and w.isVisible()
    ]
    return screen


def test_ctrl_l_hides_every_window_and_the_password_brings_them_back_unsaved(qtbot, session):
    file = new_case(session)
    number = file.case.case_number
    window = window_for(qtbot, session)
    case_window = window.open_case(number)
    qtbot.addWidget(case_window)
    alias = case_window.widget.person_form.editors["alias"].edit
    qtbot.keyClicks(alias, "Ria")
    assert case_window.widget.has_unsaved_changes()
    case_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is case_window)

    qtbot.keyClick(alias, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.idle_lock.is_locked
    screen = lock_screen()
    assert case_window.isHidden() and window.isHidden()
    shown = " ".join(screen.texts())
    assert session.office.name in shown and "admin" in shown
    for secret in (number, file.person.full_name, "Ria", file.person.register_number):
        assert secret not in shown
    assert [e.action for e in audit.entries(session, limit=1)] == ["locked"]

    screen.password.setText("not-the-password")
    screen.try_unlock()
    settle()
    assert screen.message.text().startswith("Wrong password for user 'admin'")
    assert window.idle_lock.is_locked and case_window.isHidden()

    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, "\r")
    settle()
    assert not window.idle_lock.is_locked
    assert case_window.isVisible() and window.isVisible()
    assert alias.text() == "Ria" and case_window.widget.has_unsaved_changes()
    assert [e.action for e in audit.entries(session, limit=2)] == ["unlocked", "sign_in_failed"]
    assert cases.open_case(session, number, audit=False).person.alias == ""


def test_a_dialog_waiting_for_an_answer_is_covered_not_cancelled(qtbot, session):
    window = window_for(qtbot, session)
    dialog = QDialog(window)
    dialog.setWindowTitle("question")
    QLabel("KUP-2026-00001 Maria Goreti Bria", dialog)
    seen = {}

    def during_the_question():
        screen = window.idle_lock.lock()
        seen["covers"] = [
            c
            for c in dialog.findChildren(QWidget, "lock_cover")
            if c.isVisible() and c.geometry().contains(dialog.rect())
        ]
        seen["main_hidden"] = window.isHidden()
        screen.password.setText(PASSWORD)
        screen.try_unlock()
        settle()
        seen["unlocked"] = not window.idle_lock.is_locked
        seen["covers_after"] = [
            c for c in dialog.findChildren(QWidget, "lock_cover") if c.isVisible()
        ]
        dialog.accept()

    QTimer.singleShot(0, during_the_question)
    assert dialog.exec() == QDialog.DialogCode.Accepted  # answered, not closed by the lock
    assert len(seen["covers"]) == 1 and seen["main_hidden"] and seen["unlocked"]
    assert seen["covers_after"] == [] and window.isVisible()


def test_the_app_locks_by_itself_after_the_idle_minutes(qtbot, session, monkeypatch):
    monkeypatch.setenv("TIPDESK_IDLE_MINUTES", "0.005")  # 0.3 seconds
    window = window_for(qtbot, session)
    assert window.idle_lock.minutes == 0.005
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=5000)
    assert window.isHidden()
    screen = lock_screen()
    screen.password.setText(PASSWORD)
    screen.try_unlock()
    settle()
    assert not window.idle_lock.is_locked and window.isVisible()


def test_idle_minutes_come_from_the_settings_file_unless_the_environment_says(monkeypatch):
    monkeypatch.delenv("TIPDESK_IDLE_MINUTES", raising=False)
    assert idle_minutes() == 10
    app_settings().setValue("idle_minutes", 3)
    assert idle_minutes() == 3
    monkeypatch.setenv("TIPDESK_IDLE_MINUTES", "0.5")
    assert idle_minutes() == 0.5


def test_view_lock_after_saves_the_idle_minutes(qtbot, session, monkeypatch):
    from tipdesk.ui.lock import IdleMinutesDialog

    monkeypatch.delenv("TIPDESK_IDLE_MINUTES", raising=False)
    window = window_for(qtbot, session)
    monkeypatch.setattr(IdleMinutesDialog, "exec", filled(lambda d: d.minutes.setValue(25)))
    window.set_idle_minutes()
    assert window.idle_lock.minutes == 25 and idle_minutes() == 25


# --- backups --------------------------------------------------------------------------------


def test_back_up_now_writes_the_file_and_says_how_it_opens(
    qtbot, session, tmp_path, monkeypatch, boxes
):
    new_case(session)
    out = tmp_path / "stick" / "office-copy"
    out.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    window = window_for(qtbot, session)
    assert window.backup_action.isVisible() and window.restore_action.isVisible()
    window.backup_action.trigger()
    settle()
    written = out.with_name("office-copy.tipbackup")
    assert written.is_file() and backup.read_manifest(written)["cases"] == 1
    [(kind, title, text)] = boxes
    assert (kind, title) == ("information", "Back up now")
    assert str(written) in text and "password" in text and "recovery code" in text


def test_restore_makes_a_new_register_from_a_backup(qtbot, session, tmp_path, monkeypatch, boxes):
    new_case(session)
    made = backup.make_backup(session, tmp_path)
    target = tmp_path / "restored"
    seen = {}

    def fill(dialog):
        dialog.file.setText(str(made.path))
        dialog.folder.setText(str(target))
        dialog.password.setText("wrong-password")
        dialog.restore_button.click()
        settle()
        seen["wrong"] = dialog.message.text()
        dialog.password.setText(PASSWORD)
        dialog.restore_button.click()
        settle()
        return dialog.result()

    monkeypatch.setattr(backup_dialogs.RestoreDialog, "exec", fill)
    window = window_for(qtbot, session)
    window.restore_action.trigger()
    assert seen["wrong"].startswith("Wrong password")
    [(kind, _title, text)] = boxes
    assert kind == "information" and str(target) in text
    restored = open_register(target, "admin", PASSWORD)
    try:
        assert len(cases.find_cases(restored, "Maria")) == 1
    finally:
        restored.close()


def test_backup_is_offered_by_role(qtbot, sign_in_as):
    supervisor = window_for(qtbot, sign_in_as("supervisor"))
    assert supervisor.backup_action.isVisible() and not supervisor.restore_action.isVisible()
    worker = window_for(qtbot, sign_in_as("caseworker"))
    assert not worker.backup_action.isVisible() and not worker.restore_action.isVisible()


def test_the_daily_backup_runs_after_sign_in(qtbot, session):
    assert backup.daily_backups(session.folder) == []
    window = start_main_window(session)
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: window.daily_backup is not None and len(backup.daily_backups(session.folder)) == 1,
        timeout=10_000,
    )
    settle()
    assert window.backup_label.isHidden()


def test_a_failed_daily_backup_shows_in_the_status_bar(qtbot, session, monkeypatch):
    def fail(_session, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "daily_backup", fail)
    window = start_main_window(session)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.backup_label.isHidden(), timeout=5000)
    assert window.backup_label.text().startswith("Today's automatic backup failed.")


# --- the person's rights --------------------------------------------------------------------


def test_a_supervisor_exports_the_persons_data(qtbot, session, sign_in_as, tmp_path, monkeypatch):
    number = new_case(session).case.case_number
    supervisor = sign_in_as("supervisor")
    widget = CaseFileWidget(supervisor, number)
    qtbot.addWidget(widget)
    assert not widget.rights_button.isHidden()
    asked = []
    monkeypatch.setattr(
        ConfirmExport, "ask", classmethod(lambda cls, parent, n: asked.append(n) or True)
    )
    out = tmp_path / "for-the-person"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(out), "JSON files (*.json)")),
    )
    widget.export_action.trigger()
    settle()
    written = out.with_name("for-the-person.json")
    data = json.loads(written.read_text("utf-8"))
    assert asked == [number]
    assert data["person"]["full_name"] == "Maria Goreti Bria"
    assert str(written) in widget.message.text() and "not encrypted" in widget.message.text()


def test_a_supervisor_erases_the_person_and_the_window_closes(
    qtbot, session, sign_in_as, monkeypatch
):
    number = new_case(session).case.case_number
    new_case(session, {"full_name": "Yuliana Tefa"})
    supervisor = sign_in_as("supervisor")
    window = window_for(qtbot, supervisor)
    window.show_page("register")
    assert window.register_list.model.total() == 2
    case_window = window.open_case(number)
    seen = {}

    def fill(dialog: EraseDialog):
        seen["reasons"] = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
        dialog.reason.setCurrentIndex(dialog.reason.findData("person_request"))
        dialog.confirmation.setText("KUP-2026-0000")
        seen["enabled_before"] = dialog.erase_button.isEnabled()
        dialog.confirmation.setText(number)
        dialog.erase_button.click()
        settle()
        return dialog.result()

    monkeypatch.setattr(EraseDialog, "exec", fill)
    case_window.widget.erase_action.trigger()
    assert seen["reasons"] == [
        "(choose)",
        "The person asked for it",
        "A court or legal order",
        "Entered by mistake",
    ]
    assert seen["enabled_before"] is False
    assert window.case_windows == {} and not case_window.isVisible()
    assert window.register_list.model.total() == 1
    assert [e.action for e in audit.entries(supervisor, limit=1)] == ["person_erased"]


def test_the_persons_rights_are_not_offered_to_other_roles(qtbot, session, sign_in_as):
    number = new_case(session).case.case_number
    for s in (session, sign_in_as("caseworker")):
        cases_widget = CaseFileWidget(s, number)
        qtbot.addWidget(cases_widget)
        assert cases_widget.rights_button.isHidden()


# --- what each role is offered --------------------------------------------------------------


def test_an_analyst_gets_a_de_identified_register_and_no_case_files(
    qtbot, session, sign_in_as, boxes
):
    file = new_case(session)
    window = window_for(qtbot, sign_in_as("analyst"))
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Register", "Reports", "Users"]
    assert window.stack.currentWidget() is window.register_list
    view = window.register_list
    assert view.model.total() == 1
    row = view.model.row_at(0)
    assert row.case_number == file.case.case_number
    assert (row.full_name, row.initials, row.register_number) == ("", "", "")
    assert view.search.isHidden() and view.new_case.isHidden()
    assert not view.deidentified_note.isHidden()
    assert window.open_case(file.case.case_number) is None
    assert window.case_windows == {}
    [(kind, _title, text)] = boxes
    assert kind == "warning" and text.startswith("Your role (analyst) lacks the permission")
    assert window.users.intro.text().startswith("Only administrators manage users")


def test_a_case_worker_cannot_open_someone_elses_case_or_close_one(
    qtbot, session, sign_in_as, boxes
):
    others = new_case(session).case.case_number
    worker = sign_in_as("caseworker")
    own = new_case(worker, {"full_name": "Yuliana Tefa"}).case.case_number
    window = window_for(qtbot, worker)
    assert window.open_case(others) is None
    assert boxes and boxes[-1][0] == "warning" and "lacks the permission" in boxes[-1][2]
    case_window = window.open_case(own)
    qtbot.addWidget(case_window)
    widget = case_window.widget
    form = widget.case_form.editors
    form["status"].set_value("closed")
    form["closed_on"].edit.setText("2026-11-27")
    form["closure_reason"].set_value(next(iter(CLOSURE_REASON)).code)
    assert not widget.save()
    assert "needs a supervisor's approval" in widget.message.text()
    widget.reload()


@pytest.fixture(autouse=True)
def _no_idle_lock(monkeypatch):
    """Windows in these tests lock only when a test asks (the default is 10 minutes)."""
    if "TIPDESK_IDLE_MINUTES" not in os.environ:
        monkeypatch.setenv("TIPDESK_IDLE_MINUTES", "0")


@pytest.fixture(autouse=True)
def _leave_quietly(qtbot, monkeypatch):
    """However a test ends, its windows close without asking about unsaved edits (qtbot
    closes them before fixtures are torn down) and no lock screen is left up."""
    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(lambda cls, parent: cls.DISCARD))
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, LockScreen):
            widget.finish()


def test_every_account_dialog_defines_what_save_does():
    from tipdesk.ui.dialogs.users import ServiceDialog

    def kinds(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from kinds(sub)

    dialogs = list(kinds(ServiceDialog))
    assert len(dialogs) >= 4
    assert not hasattr(ServiceDialog, "save")
    assert [d.__name__ for d in dialogs if not callable(getattr(d, "save", None))] == []
