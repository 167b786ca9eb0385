"""The main window: navigation, the screens, case files in their own windows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from tipdesk import __version__
from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.records import Person
from tipdesk.domain.vocab import ROLE
from tipdesk.services.access import permissions
from tipdesk.services.casework.attention import attention
from tipdesk.services.session import Session
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.errors import refusal_text
from tipdesk.ui.dialogs.new_case import NewCaseDialog
from tipdesk.ui.lock import IdleLock
from tipdesk.ui.operations import Operation
from tipdesk.ui.settings import app_settings, idle_minutes
from tipdesk.ui.views.case_file import CaseFileWidget
from tipdesk.ui.views.home import HomeView
from tipdesk.ui.views.providers import ProvidersView
from tipdesk.ui.views.referrals import ReferralsView
from tipdesk.ui.views.register_list import RegisterListView
from tipdesk.ui.widgets.forms import ERROR_STYLE
from tipdesk.ui.widgets.look import BadgeDelegate, nav_icon

if TYPE_CHECKING:
    from tipdesk.ui.views.audit import AuditView
    from tipdesk.ui.views.duplicates import DuplicatesView
    from tipdesk.ui.views.incidents import IncidentsView
    from tipdesk.ui.views.reports import ReportsView
    from tipdesk.ui.views.sync import SyncView
    from tipdesk.ui.views.transfers import TransfersView
    from tipdesk.ui.views.users import UsersView

# Screens that show people's names, which an analyst's role may not see: not offered.
IDENTIFYING = ("home", "providers", "referrals", "incidents", "transfers", "duplicates", "sync")
# Screens whose entry in the navigation can carry a count of late work (attention()).
BADGED = ("home", "referrals", "sync")
MAXIMISE_UP_TO = 1366  # px wide: the main window opens maximised on such screens


class CaseFileWindow(QMainWindow):
    """One case file, in its own window so several can be open side by side."""

    closed = Signal(str)

    def __init__(self, session: Session, case_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.case_number = case_number
        self.widget = CaseFileWidget(session, case_number, self)
        self.setCentralWidget(self.widget)
        self.setWindowTitle(self.tr("Case {number} — TipDesk").format(number=case_number))
        available = self.screen().availableGeometry()
        # Room for the frame and title bar: "Save" stays on screen at 1024x768.
        self.resize(min(1200, available.width() - 16), min(760, available.height() - 40))
        for keys in (QKeySequence("Esc"), QKeySequence("Ctrl+W")):
            close = QShortcut(keys, self)
            close.activated.connect(self.close)  # asks about unsaved changes first

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.widget.maybe_close():
            self.closed.emit(self.case_number)
            event.accept()
        else:
            event.ignore()

    def discard_and_close(self) -> None:
        """Close without the unsaved-changes question (the case is gone: erased)."""
        self.widget.person_form.mark_unchanged()
        self.widget.case_form.mark_unchanged()
        self.close()


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(
        self, session: Session, *, demo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.case_windows: dict[str, CaseFileWindow] = {}
        self.setWindowTitle(
            self.tr("TipDesk — {office}").format(office=session.office.name)
            + (self.tr(" (demo, discarded on exit)") if demo else "")
        )
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        # Each screen is built (and loads its data) the first time it is shown, so start-up
        # pays only for the screen the user lands on.
        self.pages: dict[str, QWidget] = {}
        self._build: dict[str, Callable[[], QWidget]] = {}
        # An analyst sees statistics and de-identified lists only (DESIGN.md section 4).
        identifying = permissions.allowed(session, "view_own_cases")
        for key, title, build in (
            ("home", self.tr("Home"), lambda: HomeView(session)),
            ("register", self.tr("Register"), lambda: RegisterListView(session)),
            ("providers", self.tr("Providers"), lambda: ProvidersView(session)),
            ("referrals", self.tr("Referrals"), lambda: ReferralsView(session)),
            ("incidents", self.tr("Incidents"), lambda: _incidents_view(session)),
            ("transfers", self.tr("Transfers"), lambda: _transfers_view(session)),
            ("duplicates", self.tr("Duplicates"), lambda: _duplicates_view(session)),
            ("reports", self.tr("Reports"), lambda: _reports_view(session)),
            ("sync", self.tr("Sync"), lambda: _sync_view(session)),
            ("users", self.tr("Users"), lambda: _users_view(session)),
            ("audit", self.tr("Audit"), lambda: _audit_view(session)),
        ):
            if key in IDENTIFYING and not identifying:
                continue
            if key == "audit" and not permissions.allowed(session, "view_audit"):
                continue
            # One person across districts is the province's to review (issue 23).
            if key == "duplicates" and not (
                session.office.level == "province" and permissions.allowed(session, "link_persons")
            ):
                continue
            self._add_page(key, title, build)
        # Icons, and a count of late work at the end of an entry (BadgeDelegate).
        self.nav.setItemDelegate(BadgeDelegate(self.nav))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(1)
        # As wide as the longest (translated) name: every pixel counts at 1024.
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8)
        self.nav.currentRowChanged.connect(self._show_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.idle_lock = IdleLock(session, idle_minutes(), self)
        self.daily_backup: Operation | None = None
        self._build_menus()
        self._build_status_bar()
        self._restore_state()

    # -- building -------------------------------------------------------------------

    def _add_page(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        self._build[key] = build
        self.pages[key] = QWidget()  # stands in until the screen is first shown
        self.stack.addWidget(self.pages[key])
        item = QListWidgetItem(nav_icon(key, self.palette()), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(BadgeDelegate.ROOM_ROLE, key in BADGED)
        self.nav.addItem(item)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_case = QAction(self.tr("&New case…"), self)
        new_case.setShortcut(QKeySequence.StandardKey.New)
        new_case.triggered.connect(lambda _=False: self.new_case())
        new_case.setEnabled(permissions.allowed(self.session, "create_cases"))
        file_menu.addAction(new_case)
        file_menu.addSeparator()
        self.backup_action = QAction(self.tr("&Back up now…"), self)
        self.backup_action.setStatusTip(
            self.tr("Write an encrypted copy of the register to a file, e.g. on a USB drive")
        )
        self.backup_action.triggered.connect(self.back_up_now)
        self.backup_action.setVisible(permissions.allowed(self.session, "backup"))
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.setStatusTip(
            self.tr("Make a new register from a backup file (administrators)")
        )
        self.restore_action.triggered.connect(self.restore_backup)
        self.restore_action.setVisible(permissions.allowed(self.session, "restore"))
        file_menu.addAction(self.restore_action)
        if self.backup_action.isVisible() or self.restore_action.isVisible():
            file_menu.addSeparator()
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(self.change_password)
        file_menu.addAction(self.password_action)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # From a case window too, not only from this one.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setStatusTip(
            self.tr("Hide every TipDesk window until your password is typed again")
        )
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for row in range(self.nav.count()):
            action = QAction(self.nav.item(row).text(), self)
            if row < 9:  # Ctrl+1 to Ctrl+9; the screens after them are in the menu only
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go_menu.addAction(action)
        office_menu = self.menuBar().addMenu(self.tr("&Office"))
        self.letter_settings_action = QAction(self.tr("&Letter settings…"), self)
        self.letter_settings_action.setStatusTip(
            self.tr("Letterhead, numbering and signatory of referral letters (administrators)")
        )
        self.letter_settings_action.setEnabled(
            permissions.allowed(self.session, "edit_letter_settings")
        )
        self.letter_settings_action.triggered.connect(self.letter_settings)
        office_menu.addAction(self.letter_settings_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(i18n.current_language() == code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        idle = QAction(self.tr("Lock &after…"), self)
        idle.setStatusTip(self.tr("How many minutes without use before TipDesk locks"))
        idle.triggered.connect(self.set_idle_minutes)
        view_menu.addAction(idle)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.first_steps_action = QAction(self.tr("&First steps"), self)
        self.first_steps_action.setStatusTip(
            self.tr("What a new register needs: letters, providers, users, keys")
        )
        self.first_steps_action.triggered.connect(self.show_first_steps)
        self.first_steps_action.setVisible("home" in self.pages)
        help_menu.addAction(self.first_steps_action)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.guide_action = QAction(self.tr("&How do I…"), self)
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        about = QAction(self.tr("&About TipDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        s, lang = self.session, i18n.current_language()
        role = ROLE.label(s.user.role, lang) if s.user.role in ROLE.codes() else s.user.role
        self.office_label = QLabel(f"{s.office.code} · {s.office.name}")
        self.user_label = QLabel(f"{s.user.display_name or s.user.username} ({role})")
        self.path_label = QLabel(str(s.folder))
        # A long path gives up room (clipped, whole in the tooltip) rather than widen the
        # window.
        self.path_label.setToolTip(str(s.folder))
        self.path_label.setMinimumWidth(80)
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backup_status")
        self.backup_label.setStyleSheet(ERROR_STYLE)
        self.backup_label.hide()
        for label in (self.office_label, self.user_label, self.backup_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.path_label)

    # -- actions --------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The screen for ``key``, built on first use."""
        build = self._build.pop(key, None)
        if build is not None:
            view = build()
            if hasattr(view, "open_case_requested"):
                tab = getattr(view, "case_tab", None)  # e.g. the Referrals list's own tab
                view.open_case_requested.connect(lambda n, t=tab: self.open_case(n, tab=t))
            if hasattr(view, "new_case_requested"):
                view.new_case_requested.connect(lambda: self.new_case())
            if hasattr(view, "step_requested"):
                view.step_requested.connect(self.take_first_step)
            if hasattr(view, "decided"):
                view.decided.connect(self._transfer_decided)
            stand_in = self.pages[key]
            index = self.stack.indexOf(stand_in)
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.pages[key] = view
        return self.pages[key]

    @property
    def home(self) -> HomeView:
        return self.page("home")

    @property
    def register_list(self) -> RegisterListView:
        return self.page("register")

    @property
    def providers(self) -> ProvidersView:
        return self.page("providers")

    @property
    def referrals(self) -> ReferralsView:
        return self.page("referrals")

    @property
    def transfers(self) -> TransfersView:
        return self.page("transfers")

    @property
    def duplicates(self) -> DuplicatesView:
        return self.page("duplicates")

    @property
    def sync(self) -> SyncView:
        return self.page("sync")

    @property
    def users(self) -> UsersView:
        return self.page("users")

    @property
    def audit(self) -> AuditView:
        return self.page("audit")

    def _show_page(self, row: int) -> None:
        key = list(self.pages)[row]
        fresh = key in self._build
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        # A screen loads when it is built; coming back to it later loads it again, so
        # it shows what changed meanwhile (a case saved in its own window, say).
        if not fresh and hasattr(page, "refresh"):
            page.refresh()
        self.refresh_badges()

    def refresh_badges(self) -> None:
        """The counts of late work beside Home, Referrals and Sync."""
        try:
            counts = attention(self.session)
        except TipdeskError:  # a badge is a hint: never a reason to fail a screen
            counts = {}
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            count = counts.get(item.data(Qt.ItemDataRole.UserRole), 0)
            item.setData(BadgeDelegate.COUNT_ROLE, (count, True))
            item.setToolTip(self._badge_tip(item.data(Qt.ItemDataRole.UserRole), count))

    def _badge_tip(self, key: str, count: int) -> str:
        if not count:
            return ""
        tips = {
            "home": self.tr("{n} follow-ups are overdue"),
            "referrals": self.tr("{n} referral follow-ups are overdue"),
            "sync": self.tr("{n} conflicts or held packages wait for a decision"),
        }
        return tips[key].format(n=count) if key in tips else ""

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def open_case(self, case_number: str, *, tab: str | None = None) -> CaseFileWindow | None:
        """The case's window (brought forward, on ``tab`` if given: "referrals"), or None
        when the user may not open it (the refusal is then shown)."""
        window = self.case_windows.get(case_number)
        if window is None:
            try:
                window = CaseFileWindow(self.session, case_number)
            except TipdeskError as exc:
                self._refuse_case(exc)
                return None
            if window.widget.refusal is not None:
                # A case worker's case that is not theirs, an analyst: say so, no window.
                self._refuse_case(window.widget.refusal)
                window.deleteLater()
                return None
            window.closed.connect(self._case_closed)
            window.widget.saved.connect(lambda _n: self._refresh_lists())
            window.widget.open_case_requested.connect(self.open_case)
            window.widget.erased.connect(self._person_erased)
            window.widget.new_case_requested.connect(self.new_case)
            window.widget.transfer_decided.connect(self._transfer_decided)
            self.case_windows[case_number] = window
        if tab:
            window.widget.show_tab(tab)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _transfer_decided(self, case_number: str) -> None:
        """A transfer decided (on the Transfers screen, or in the case's banner): the
        case's open window shows the case as it now stands, or closes with a declined
        copy, which is gone from this register."""
        window = self.case_windows.get(case_number)
        if window is not None:
            if window.widget is not self.sender():
                window.widget.reload()
            if window.widget.copy_dropped or window.widget.refusal is not None:
                window.discard_and_close()
        self._refresh_lists()

    def _refuse_case(self, exc: TipdeskError) -> None:
        QMessageBox.warning(self, self.tr("Open case"), refusal_text(exc))

    def _case_closed(self, case_number: str) -> None:
        self.case_windows.pop(case_number, None)

    def _person_erased(self, case_numbers: list[str]) -> None:
        """The person's cases are gone: their windows close and the lists show it."""
        for number in case_numbers:
            window = self.case_windows.get(number)
            if window is not None:
                window.discard_and_close()
        self._refresh_lists()
        self.statusBar().showMessage(self.tr("The person's data is erased."), 10_000)

    def _refresh_lists(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()
        self.refresh_badges()

    def new_case(self, person: Person | None = None) -> None:
        """A new case: for a new person, or (``person``) for one already registered."""
        parent = self.case_windows.get(self.sender_case(), self) if person else self
        number, warnings = NewCaseDialog.run(self.session, parent, person=person)
        if number:
            self._refresh_lists()
            window = self.open_case(number)
            if window is not None and warnings:
                window.widget.show_warnings(warnings)

    def sender_case(self) -> str:
        """The case number of the case window whose widget sent the current signal."""
        sender = self.sender()
        for number, window in self.case_windows.items():
            if window.widget is sender:
                return number
        return ""

    def take_first_step(self, key: str) -> None:
        """The screen that takes one of the first steps Home lists."""
        if key == "letters":
            self.letter_settings()
            self._refresh_lists()
        elif key == "keys":
            self.show_page("sync")
        elif key in self.pages:
            self.show_page(key)

    def show_first_steps(self) -> None:
        self.show_page("home")
        self.home.show_first_steps()

    def letter_settings(self) -> None:
        # ReportLab and the letter services load when first needed, not at start-up.
        from tipdesk.ui.dialogs.letter_settings import LetterSettingsDialog

        LetterSettingsDialog.edit(self.session, self)

    def back_up_now(self) -> None:
        from tipdesk.ui.dialogs.backup import back_up_now

        back_up_now(self.session, self)

    def restore_backup(self) -> None:
        from tipdesk.ui.dialogs.backup import RestoreDialog

        RestoreDialog.run(self.session.user.username, self)

    def start_daily_backup(self) -> None:
        """The day's backup, once, in the background after sign-in: quiet when it works,
        a line in the status bar when it does not; it never holds anything up."""
        from tipdesk.ui.dialogs.backup import start_daily_backup

        def failed(exc: BaseException) -> None:
            reason = refusal_text(exc) if isinstance(exc, TipdeskError) else ""
            self.backup_label.setText(
                self.tr("Today's automatic backup failed.") + (f" {reason}" if reason else "")
            )
            self.backup_label.setToolTip(
                self.tr("Use File > Back up now, or tell your office IT if it fails again.")
            )
            self.backup_label.show()

        self.daily_backup = start_daily_backup(self.session, lambda _path: None, failed)

    def change_password(self) -> None:
        from tipdesk.ui.dialogs.users import PasswordDialog

        if PasswordDialog.change_own(self.session, self):
            self.statusBar().showMessage(self.tr("Your password is changed."), 10_000)

    def lock(self) -> None:
        self.idle_lock.lock()

    def set_idle_minutes(self) -> None:
        from tipdesk.ui.lock import IdleMinutesDialog

        minutes = IdleMinutesDialog.ask(self.idle_lock.minutes, self)
        if minutes is not None:
            self.idle_lock.set_minutes(minutes)

    def set_language(self, code: str) -> None:
        app_settings().setValue("language", code)
        self.language_changed.emit(code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start of TipDesk."),
        )

    def show_shortcuts(self) -> None:
        """Every shortcut of the menus, read from the menus themselves."""
        from tipdesk.ui.dialogs.help import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def show_guide(self) -> None:
        from tipdesk.ui.dialogs.help import GuideDialog

        GuideDialog(self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About TipDesk"),
            self.tr(
                "TipDesk {version}\nA case register for services to victims of trafficking in "
                "persons."
            ).format(version=__version__),
        )

    # -- state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = app_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            self.resize(min(1280, available.width()), min(800, available.height()))
            # A laptop screen (1366 or narrower) has no room to spare: all of it, at first.
            if available.width() <= MAXIMISE_UP_TO:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        page = settings.value("main_window/page", "home")
        self.show_page(page if page in self.pages else next(iter(self.pages)))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.idle_lock.is_locked:
            event.ignore()
            return
        for window in list(self.case_windows.values()):
            if not window.close():
                event.ignore()
                return
        self.idle_lock.stop()
        settings = app_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/page", list(self.pages)[self.stack.currentIndex()])
        event.accept()


def _reports_view(session: Session) -> ReportsView:
    """The Reports screen, imported when first shown (QtCharts is not needed at start)."""
    from tipdesk.ui.views.reports import ReportsView

    return ReportsView(session)


def _sync_view(session: Session) -> SyncView:
    """The Sync screen, imported when first shown (its cryptography is not needed at
    start-up)."""
    from tipdesk.ui.views.sync import SyncView

    return SyncView(session)


def _users_view(session: Session) -> UsersView:
    from tipdesk.ui.views.users import UsersView

    return UsersView(session)


def _incidents_view(session: Session) -> IncidentsView:
    from tipdesk.ui.views.incidents import IncidentsView

    return IncidentsView(session)


def _transfers_view(session: Session) -> TransfersView:
    from tipdesk.ui.views.transfers import TransfersView

    return TransfersView(session)


def _duplicates_view(session: Session) -> DuplicatesView:
    from tipdesk.ui.views.duplicates import DuplicatesView

    return DuplicatesView(session)


def _audit_view(session: Session) -> AuditView:
    from tipdesk.ui.views.audit import AuditView

    return AuditView(session)
