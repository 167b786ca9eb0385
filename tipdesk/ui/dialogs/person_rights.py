"""The person's rights in a case file (UU 27/2022), for supervisors: a copy of everything
held about the person (JSON or PDF, not encrypted: it is handed to them), and erasure,
which cannot be undone (``tipdesk.services.casework.privacy``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.services.casework import privacy
from tipdesk.services.session import Session
from tipdesk.ui.dialogs.errors import refusal_text, report, warn_writing_failed
from tipdesk.ui.i18n import current_language
from tipdesk.ui.operations import run_in_background
from tipdesk.ui.settings import app_settings
from tipdesk.ui.widgets.forms import WARNING_STYLE, message_label

_C = "PersonRights"
FOLDER_KEY = "person_data/folder"  # the last folder an export went to
REASONS = {
    "person_request": QT_TRANSLATE_NOOP("PersonRights", "The person asked for it"),
    "legal_order": QT_TRANSLATE_NOOP("PersonRights", "A court or legal order"),
    "entered_by_mistake": QT_TRANSLATE_NOOP("PersonRights", "Entered by mistake"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def not_encrypted_warning() -> str:
    return _t(
        QT_TRANSLATE_NOOP(
            "PersonRights",
            "An exported file is not encrypted and shows everything about a "
            "victim. Hand it to the person or keep it only where people who are not authorised "
            "cannot read it, and delete it when it is no longer needed.",
        )
    )


class ConfirmExport:
    """The warning before an unencrypted file is written (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, case_number: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_t(QT_TRANSLATE_NOOP("PersonRights", "Export person's data")))
        box.setText(
            _t(
                QT_TRANSLATE_NOOP(
                    "PersonRights",
                    "Export everything this register holds about the person of case "
                    "{number} as an unencrypted file?",
                )
            ).format(number=case_number)
        )
        box.setInformativeText(not_encrypted_warning())
        go = box.addButton(
            _t(QT_TRANSLATE_NOOP("PersonRights", "Choose where…")),
            QMessageBox.ButtonRole.AcceptRole,
        )
        cancel = box.addButton(
            _t(QT_TRANSLATE_NOOP("PersonRights", "Cancel")), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go


def export_person_data(
    session: Session,
    case_number: str,
    written: Callable[[Path], None],
    parent: QWidget | None = None,
) -> None:
    """Ask, choose a file (.json or .pdf), write it in the background, then
    ``written(path)``; if it is not written, the reason is shown."""
    title = _t(QT_TRANSLATE_NOOP("PersonRights", "Export person's data"))
    if not ConfirmExport.ask(parent, case_number):
        return None
    folder = str(app_settings().value(FOLDER_KEY, "") or "") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    # The case number, not the person's name: a file name is seen by anyone nearby.
    suggested = Path(folder) / f"{case_number}-data.json"
    json_filter = _t(QT_TRANSLATE_NOOP("PersonRights", "JSON files (*.json)"))
    pdf_filter = _t(QT_TRANSLATE_NOOP("PersonRights", "PDF documents (*.pdf)"))
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        _t(QT_TRANSLATE_NOOP("PersonRights", "Save the person's data")),
        str(suggested),
        f"{json_filter};;{pdf_filter}",
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() not in privacy.EXPORT_SUFFIXES:
        target = target.with_name(
            target.name + (".pdf" if chosen_filter == pdf_filter else ".json")
        )
    lang = current_language()

    failed = warn_writing_failed(
        parent,
        title,
        _t(
            QT_TRANSLATE_NOOP(
                "PersonRights",
                "The file could not be written in {folder}. Check that the folder "
                "still exists and has room, then try again.",
            )
        ).format(folder=target.parent),
    )

    def done(path: Path) -> None:
        app_settings().setValue(FOLDER_KEY, str(target.parent))
        written(path)

    run_in_background(
        parent,
        title,
        _t(QT_TRANSLATE_NOOP("PersonRights", "Writing the person's data…")),
        lambda _p, _c: privacy.export_person_data(session, case_number, target, lang=lang),
        success=done,
        failure=failed,
        cancellable=False,
        whole_app=True,
    )


class EraseDialog(QDialog):
    """A reason, and the case number typed to confirm; Erase runs the erasure."""

    def __init__(self, session: Session, case_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.result_: privacy.ErasureResult | None = None
        self.setWindowTitle(self.tr("Erase person"))
        warning = QLabel(
            self.tr(
                "This erases the person of case {number} and everything about them — every case "
                "of theirs, services, referrals, notes and the letters' copies — from this "
                "register. It cannot be undone. The case numbers and the audit trail stay, "
                "without the data."
            ).format(number=case_number),
            self,
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        self.reason = QComboBox(self)
        self.reason.addItem(self.tr("(choose)"), "")
        for code in privacy.ERASURE_REASONS:
            self.reason.addItem(_t(REASONS.get(code, code)), code)
        self.confirmation = QLineEdit(self)
        self.confirmation.setObjectName("confirm_number")
        self.confirmation.setPlaceholderText(case_number)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Type the case number to confirm"), self.confirmation)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.erase_button = self.buttons.addButton(
            self.tr("Erase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.erase)
        self.buttons.rejected.connect(self.reject)
        for signal in (self.reason.currentIndexChanged, self.confirmation.textChanged):
            signal.connect(lambda *_: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update()

    def _update(self) -> None:
        self.erase_button.setEnabled(
            bool(self.reason.currentData())
            and self.confirmation.text().strip().upper() == self.case_number.upper()
        )

    def erase(self) -> None:
        if not self.erase_button.isEnabled():
            return
        reason = self.reason.currentData()

        def refused(error: BaseException) -> None:
            if isinstance(error, TipdeskError):
                self.message.setText(refusal_text(error))
                self.message.show()
            else:
                report(self, error)

        def erased(result: privacy.ErasureResult) -> None:
            self.result_ = result
            self.accept()

        run_in_background(
            self,
            self.windowTitle(),
            self.tr("Erasing the person's data…"),
            lambda _p, _c: privacy.erase_person(self.session, self.case_number, reason),
            success=erased,
            failure=refused,
            cancellable=False,
            whole_app=True,
        )

    @classmethod
    def run(
        cls, session: Session, case_number: str, parent: QWidget | None = None
    ) -> privacy.ErasureResult | None:
        dialog = cls(session, case_number, parent)
        try:
            dialog.exec()
            return dialog.result_
        finally:
            dialog.deleteLater()
