"""First run: create a register (office, first admin, where to keep it, recovery code)
or point at an existing register folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tipdesk.domain.errors import Problem, TipdeskError
from tipdesk.domain.messages import describe_problem
from tipdesk.domain.records import LetterSettings, Office, User, fields_of
from tipdesk.domain.validation import validate
from tipdesk.domain.vocab import OFFICE_LEVEL
from tipdesk.paths import user_data_dir
from tipdesk.services import letters
from tipdesk.services.register import create_register, is_register
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.dialogs.letter_settings import LogoEditor
from tipdesk.ui.dialogs.office_keys import ask_and_print, monospace
from tipdesk.ui.i18n import current_language
from tipdesk.ui.operations import run_in_background
from tipdesk.ui.widgets.forms import message_label


def _show(label: QLabel, text: str) -> bool:
    label.setText(text)
    label.setVisible(bool(text))
    return not text


class StartPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to TipDesk"))
        self.setSubTitle(
            self.tr(
                "TipDesk keeps your office's case register encrypted on "
                "this computer. Create a register, or open one that "
                "already exists."
            )
        )
        layout = QVBoxLayout(self)
        self.create_choice = QRadioButton(self.tr("Create a new register for my office"))
        self.open_choice = QRadioButton(self.tr("Open an existing register folder"))
        self.create_choice.setChecked(True)
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("Register folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.error = message_label()
        for widget in (self.create_choice, self.open_choice):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the register folder"))
        if chosen:
            self.folder_edit.setText(chosen)
            self.open_choice.setChecked(True)

    def validatePage(self) -> bool:
        if self.create_choice.isChecked():
            return _show(self.error, "")
        folder = Path(self.folder_edit.text().strip())
        if not self.folder_edit.text().strip() or not is_register(folder):
            return _show(
                self.error,
                self.tr(
                    "That folder is not a TipDesk register: choose the folder that holds "
                    "register.keys and register.db."
                ),
            )
        self.wizard().folder = folder
        return True

    def nextId(self) -> int:
        return -1 if self.open_choice.isChecked() else FirstRunWizard.OFFICE


class OfficePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("These details appear on referral letters and reports."))
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.code.setPlaceholderText("KUP")
        self.code.setMaxLength(12)
        self.name = QLineEdit()
        self.name.setPlaceholderText("UPTD PPA Kota Kupang")
        self.level = QComboBox()
        for term in OFFICE_LEVEL:
            self.level.addItem(OFFICE_LEVEL.label(term.code, current_language()), term.code)
        self.region = QLineEdit()
        self.region.setPlaceholderText("53.71")
        self.letterhead = QPlainTextEdit()
        self.letterhead.setPlaceholderText(
            self.tr("One line per row, e.g.\nPEMERINTAH KOTA KUPANG")
        )
        self.letterhead.setFixedHeight(90)
        self.head_name = QLineEdit()
        self.head_title = QLineEdit()
        self.head_nip = QLineEdit()
        form.addRow(self.tr("Office code"), self.code)
        form.addRow(self.tr("Office name"), self.name)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Region code (Kemendagri)"), self.region)
        form.addRow(self.tr("Letterhead lines"), self.letterhead)
        form.addRow(self.tr("Head of office"), self.head_name)
        form.addRow(self.tr("Head's title"), self.head_title)
        form.addRow(self.tr("Head's NIP"), self.head_nip)
        self.error = message_label()
        form.addRow(self.error)

    def office(self) -> Office:
        return Office(
            code=self.code.text().strip().upper(),
            name=self.name.text().strip(),
            level=self.level.currentData(),
            region_code=self.region.text().strip(),
            letterhead=[
                line.strip() for line in self.letterhead.toPlainText().splitlines() if line.strip()
            ],
            head_name=self.head_name.text().strip(),
            head_title=self.head_title.text().strip(),
            head_nip=self.head_nip.text().strip(),
        )

    def validatePage(self) -> bool:
        problems = [p for p in validate(self.office()) if p.is_error]
        lang = current_language()
        return _show(self.error, "\n".join(describe_problem(p, lang) for p in problems))


class LogoPage(QWizardPage):
    """The office's logo for referral letters: optional, checked as Letter settings
    checks it; a file that is not a usable image is refused at once and changes nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Logo on letters"))
        self.setSubTitle(
            self.tr(
                "Optional: the office's logo, printed beside the letterhead of every referral "
                "letter (a PNG or JPEG image). Skip this page to add it later in Office > "
                "Letter settings."
            )
        )
        self.logo = LogoEditor(fields_of(LetterSettings)["logo"], self)
        self.logo.changed.connect(self._check)
        self.accepted = ""  # the logo chosen (base64), "" for none
        self.error = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.logo)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _check(self) -> None:
        lang = current_language()
        if self.logo.unreadable:
            problems = [Problem("logo", "invalid_logo")]
        else:
            problems = letters.logo_problems(self.logo.value)
        if problems:
            self.logo.write(self.accepted)  # the logo as it was before the bad file
            _show(self.error, "\n".join(describe_problem(p, lang) for p in problems))
            return
        self.accepted = self.logo.value
        _show(self.error, "")

    def settings(self) -> LetterSettings | None:
        """The letter settings to create the register with: the office's own, with the
        logo; None without a logo (the register then starts from the office's)."""
        if not self.accepted:
            return None
        return letters.initial_settings(self.wizard().office_page.office(), logo=self.accepted)

    def validatePage(self) -> bool:
        settings = self.settings()
        if settings is None or not [p for p in validate(settings) if p.is_error]:
            return _show(self.error, "")
        return _show(
            self.error,
            self.tr(
                "Letters with a logo also need the head of office, their title and a region "
                "code with a city (go Back to the office page), or remove the logo and add it "
                "later in Office > Letter settings."
            ),
        )


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(
            self.tr(
                "This person sets up the office and adds the other users. "
                "Use at least 8 characters for the password."
            )
        )
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Full name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        self.error = message_label()
        form.addRow(self.error)

    def user(self) -> User:
        username = self.username.text().strip()
        return User(
            username=username,
            display_name=self.display_name.text().strip() or username,
            role="admin",
        )

    def validatePage(self) -> bool:
        lang = current_language()
        problems = [describe_problem(p, lang) for p in validate(self.user()) if p.is_error]
        if len(self.password.text()) < 8:
            problems.append(self.tr("The password is too short: use at least 8 characters."))
        elif self.password.text() != self.repeat.text():
            problems.append(self.tr("The two passwords differ."))
        return _show(self.error, "\n".join(problems))


class FolderPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where to keep the register"))
        self.setSubTitle(
            self.tr(
                "A new, empty folder on this computer. Everything in it is "
                "encrypted; back it up with TipDesk, not by copying."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.error = message_label()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if not self.folder_edit.text():
            code = self.wizard().office_page.office().code or "register"
            self.folder_edit.setText(str(user_data_dir() / "registers" / code))

    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if chosen:
            self.folder_edit.setText(chosen)

    def validatePage(self) -> bool:
        """Next creates the register in the background and stays on this page; once it
        exists, the wizard moves on by itself (and Next is not asked again)."""
        wizard = self.wizard()
        if wizard.folder is not None:
            return True
        folder = Path(self.folder_edit.text().strip())
        office, admin = wizard.office_page.office(), wizard.admin_page.user()
        password = wizard.admin_page.password.text()
        settings = wizard.logo_page.settings()

        def created(result) -> None:
            wizard.folder = result.folder
            wizard.recovery_code = result.recovery_code
            wizard.recovery_age_key = result.recovery_age_key
            wizard.next()

        def refused(error: BaseException) -> None:
            if isinstance(error, TipdeskError):
                _show(self.error, refusal_text(error))
            else:
                report(self, error)

        run_in_background(
            self,
            self.tr("Creating the register"),
            self.tr("Creating the encrypted register…"),
            # One transaction: the register with its office, administrator and logo.
            lambda progress, cancelled: create_register(
                folder, office, admin, password, letter_settings=settings
            ),
            success=created,
            failure=refused,
            cancellable=False,
        )
        return False


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(
            self.tr(
                "If every password is forgotten, this code is the only way "
                "into the register. It is shown only now."
            )
        )
        layout = QVBoxLayout(self)
        self.code_label = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        advice = QLabel(
            self.tr(
                "Write it on paper now and keep the paper locked away, "
                "apart from this laptop. Do not save it in a file or a "
                "message."
            )
        )
        advice.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("I have written the recovery code down"))
        self.confirm.toggled.connect(self.completeChanged)
        # A province also gets a recovery key for the batches districts send it.
        self.batch_key = QWidget()
        self.batch_key_label = QLabel()
        self.batch_key_label.setFont(monospace(11))  # one line: a break looks like a dash
        self.batch_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        batch_advice = QLabel(
            self.tr(
                "A province also gets a recovery key for batches: it opens the batches districts "
                "send to this office if this register is ever lost. Print it or write it down as "
                "well, and keep it apart from the recovery code."
            )
        )
        batch_advice.setWordWrap(True)
        self.batch_confirm = QCheckBox(
            self.tr("I have printed the recovery key for batches or written it down")
        )
        self.batch_confirm.toggled.connect(self.completeChanged)
        self.print_button = QPushButton(self.tr("Print the key for batches…"))
        self.print_button.clicked.connect(self.print_batch_key)
        row = QHBoxLayout()
        row.addWidget(self.batch_confirm, 1)
        row.addWidget(self.print_button)
        batch = QVBoxLayout(self.batch_key)
        batch.setContentsMargins(0, 12, 0, 0)
        batch.addWidget(batch_advice)
        batch.addWidget(self.batch_key_label)
        batch.addLayout(row)
        layout.addWidget(self.code_label)
        layout.addWidget(advice)
        layout.addWidget(self.confirm)
        layout.addWidget(self.batch_key)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.code_label.setText(self.wizard().recovery_code)
        self.batch_key_label.setText(self.wizard().recovery_age_key)
        self.batch_key.setVisible(bool(self.wizard().recovery_age_key))

    def isComplete(self) -> bool:
        return self.confirm.isChecked() and (
            not self.wizard().recovery_age_key or self.batch_confirm.isChecked()
        )

    def print_batch_key(self) -> bool:
        return ask_and_print(
            self, self.wizard().recovery_age_key, self.wizard().office_page.office().code
        )


class FirstRunWizard(QWizard):
    START, OFFICE, LOGO, ADMIN, FOLDER, RECOVERY = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("TipDesk — first start"))
        self.folder: Path | None = None
        self.recovery_code = ""
        self.recovery_age_key = ""
        self.start_page = StartPage()
        self.office_page = OfficePage()
        self.logo_page = LogoPage()
        self.admin_page = AdminPage()
        self.folder_page = FolderPage()
        self.recovery_page = RecoveryPage()
        for page_id, page in enumerate(
            (
                self.start_page,
                self.office_page,
                self.logo_page,
                self.admin_page,
                self.folder_page,
                self.recovery_page,
            )
        ):
            self.setPage(page_id, page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setMinimumSize(640, 520)

    def reject(self) -> None:
        # Once created, the register exists: leave only after the code was written down.
        if self.recovery_code and not self.recovery_page.isComplete():
            return
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None = None) -> Path | None:
        """The folder of the register created or chosen; None if cancelled."""
        wizard = cls(parent)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted
        return wizard.folder if accepted or wizard.recovery_code else None
