"""Errors as people see them: refusals in words, the unexpected with safe details."""

from PySide6.QtWidgets import QApplication

from tipdesk.domain.errors import NotFound, ValidationFailed
from tipdesk.domain.validation import Problem
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.errors import ExceptionDialog, refusal_text


def test_refusals_are_translated_sentences_with_their_problems(qapp):
    exc = ValidationFailed([Problem("birth_date", "date_in_future",
                                    params={"value": "2030-01-01"})])
    assert "Birth date" in refusal_text(exc)
    i18n.install("id", qapp)
    assert "Tanggal lahir" in refusal_text(exc)
    assert "tidak ditemukan" in refusal_text(NotFound(what="case", key="KUP-2026-9"))


def test_unexpected_error_dialog_gives_copyable_details_without_the_message(qtbot):
    try:
        raise RuntimeError("Siti Aminah 5371015403990001")  # a message quoting data
    except RuntimeError as exc:
        dialog = ExceptionDialog(exc)
    qtbot.addWidget(dialog)
    details = dialog.details.toPlainText()
    assert "RuntimeError" in details and "test_errors.py" in details
    assert "Siti" not in details and "5371015403990001" not in details
    assert "tipdesk.log" in dialog.log_label.text()
    dialog.copy_details()
    assert QApplication.clipboard().text() == details
