"""Errors as people see them: refusals in words, the unexpected with safe details."""

from PySide6.QtWidgets import QApplication

from tipdesk.domain.errors import NotFound, ValidationFailed
from tipdesk.domain.validation import Problem
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.errors import ExceptionDialog, refusal_text


def test_refusals_are_translated_sentences_with_their_problems(qapp):
    exc = ValidationFailed(
        [Problem("birth_date", "date_in_future", params={"value": "2030-01-01"})]
    )
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


def test_report_shows_refusals_plainly_and_logs_the_unexpected_without_data(
    qtbot, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QMessageBox

    from tipdesk.logs import setup_logging
    from tipdesk.ui.dialogs import errors

    log_path = setup_logging()
    shown, warned = [], []
    monkeypatch.setattr(errors.ExceptionDialog, "exec", lambda self: shown.append(self))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    errors.report(None, NotFound(what="case", key="KUP-2026-00009"))
    assert warned == ["Case 'KUP-2026-00009' was not found in this register."]
    assert shown == []
    try:
        raise ValueError("Yuliana Tefa 5371015403990001")
    except ValueError as exc:
        errors.report(None, exc)
    assert len(shown) == 1
    logged = log_path.read_text("utf-8")
    assert "ValueError" in logged and "test_errors.py" in logged
    assert "Yuliana" not in logged and "5371015403990001" not in logged
