"""The main window: navigation, the screens, case files in their own windows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
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
from tipdesk.domain.vocab import ROLE
from tipdesk.services import permissions
from tipdesk.services.session import Session
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.new_case import NewCaseDialog
from tipdesk.ui.settings import app_settings
from tipdesk.ui.views.case_file import CaseFileWidget
from tipdesk.ui.views.home import HomeView
from tipdesk.ui.views.placeholder import PlaceholderView
from tipdesk.ui.views.providers import ProvidersView
from tipdesk.ui.views.referrals import ReferralsView
from tipdesk.ui.views.register_list import RegisterListView

if TYPE_CHECKING:
    from tipdesk.ui.views.sync import SyncView

# (key, title, what a later update brings) of the screens that are not built yet.
COMING = (
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"),
     QT_TRANSLATE_NOOP("MainWindow", "Statistics for the reports your office must send, "
                       "safe to share, come with a later update of TipDesk. Until then, "
                       "nothing on this screen.")),
    ("users", QT_TRANSLATE_NOOP("MainWindow", "Users"),
     QT_TRANSLATE_NOOP("MainWindow", "Adding users, roles and password changes come with a "
                       "later update of TipDesk. Until then the register has the users "
                       "created with it.")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class CaseFileWindow(QMainWindow):
    """One case file, in its own window so several can be open side by side."""

    closed = Signal(str)

    def __init__(self, session: Session, case_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.case_number = case_number
        self.widget = CaseFileWidget(session, case_number, self)
        self.setCentralWidget(self.widget)
        self.setWindowTitle(self.tr("Case {number} — TipDesk").format(number=case_number))
        self.resize(1200, 700)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.widget.maybe_close():
            self.closed.emit(self.case_number)
            event.accept()
        else:
            event.ignore()


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, session: Session, *, demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_windows: dict[str, CaseFileWindow] = {}
        self.setWindowTitle(self.tr("TipDesk — {office}").format(office=session.office.name)
                            + (self.tr(" (demo, discarded on exit)") if demo else ""))
        self.nav = QListWidget()
        self.nav.setFixedWidth(180)
        self.stack = QStackedWidget()
        # Each screen is built (and loads its data) the first time it is shown, so start-up
        # pays only for the screen the user lands on.
        self.pages: dict[str, QWidget] = {}
        self._build: dict[str, Callable[[], QWidget]] = {}
        coming = {key: (key, _tr(title),
                        lambda t=title, c=text: PlaceholderView(_tr(t), _tr(c)))
                  for key, title, text in COMING}
        for key, title, build in (
                ("home", self.tr("Home"), lambda: HomeView(session)),
                ("register", self.tr("Register"), lambda: RegisterListView(session)),
                ("providers", self.tr("Providers"), lambda: ProvidersView(session)),
                ("referrals", self.tr("Referrals"), lambda: ReferralsView(session)),
                coming["reports"],
                ("sync", self.tr("Sync"), lambda: _sync_view(session)),
                coming["users"]):
            self._add_page(key, title, build)
        self.nav.currentRowChanged.connect(self._show_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self._restore_state()

    # -- building -------------------------------------------------------------------

    def _add_page(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        self._build[key] = build
        self.pages[key] = QWidget()  # stands in until the screen is first shown
        self.stack.addWidget(self.pages[key])
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_case = QAction(self.tr("&New case…"), self)
        new_case.setShortcut(QKeySequence.StandardKey.New)
        new_case.triggered.connect(self.new_case)
        file_menu.addAction(new_case)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for row in range(self.nav.count()):
            action = QAction(self.nav.item(row).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go_menu.addAction(action)
        office_menu = self.menuBar().addMenu(self.tr("&Office"))
        self.letter_settings_action = QAction(self.tr("&Letter settings…"), self)
        self.letter_settings_action.setStatusTip(self.tr(
            "Letterhead, numbering and signatory of referral letters (administrators)"))
        self.letter_settings_action.setEnabled(
            permissions.allowed(self.session, "edit_letter_settings"))
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
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About TipDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        s, lang = self.session, i18n.current_language()
        role = ROLE.label(s.user.role, lang) if s.user.role in ROLE.codes() else s.user.role
        self.office_label = QLabel(f"{s.office.code} · {s.office.name}")
        self.user_label = QLabel(f"{s.user.display_name or s.user.username} ({role})")
        self.path_label = QLabel(str(s.folder))
        for label in (self.office_label, self.user_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.path_label)

    # -- actions --------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The screen for ``key``, built on first use."""
        build = self._build.pop(key, None)
        if build is not None:
            view = build()
            if hasattr(view, "open_case_requested"):
                view.open_case_requested.connect(self.open_case)
            if hasattr(view, "new_case_requested"):
                view.new_case_requested.connect(self.new_case)
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
    def sync(self) -> SyncView:
        return self.page("sync")

    def _show_page(self, row: int) -> None:
        key = list(self.pages)[row]
        fresh = key in self._build
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        # A screen loads when it is built; coming back to it later loads it again, so
        # it shows what changed meanwhile (a case saved in its own window, say).
        if not fresh and hasattr(page, "refresh"):
            page.refresh()

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def open_case(self, case_number: str) -> CaseFileWindow:
        window = self.case_windows.get(case_number)
        if window is None:
            window = CaseFileWindow(self.session, case_number)
            window.closed.connect(self._case_closed)
            window.widget.saved.connect(lambda _n: self._refresh_lists())
            window.widget.open_case_requested.connect(self.open_case)
            self.case_windows[case_number] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _case_closed(self, case_number: str) -> None:
        self.case_windows.pop(case_number, None)

    def _refresh_lists(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    def new_case(self) -> None:
        number = NewCaseDialog.create(self.session, self)
        if number:
            self._refresh_lists()
            self.open_case(number)

    def letter_settings(self) -> None:
        # ReportLab and the letter services load when first needed, not at start-up.
        from tipdesk.ui.dialogs.letter_settings import LetterSettingsDialog

        LetterSettingsDialog.edit(self.session, self)

    def set_language(self, code: str) -> None:
        app_settings().setValue("language", code)
        self.language_changed.emit(code)
        QMessageBox.information(self, self.tr("Language"), self.tr(
            "The new language is used from the next start of TipDesk."))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About TipDesk"), self.tr(
            "TipDesk {version}\nA case register for services to victims of trafficking in "
            "persons.").format(version=__version__))

    # -- state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = app_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        page = settings.value("main_window/page", "home")
        self.show_page(page if page in self.pages else "home")

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.case_windows.values()):
            if not window.close():
                event.ignore()
                return
        settings = app_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/page", list(self.pages)[self.stack.currentIndex()])
        event.accept()


def _sync_view(session: Session) -> SyncView:
    """The Sync screen, imported when first shown (its cryptography is not needed at
    start-up)."""
    from tipdesk.ui.views.sync import SyncView

    return SyncView(session)
