"""First run and sign-in, driven through the real widgets."""

import base64
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from tests.conftest import PASSWORD, new_register
from tests.helpers import sign_in
from tests.ui.conftest import settle
from tipdesk.services import letters
from tipdesk.services.register import is_register
from tipdesk.ui.dialogs.first_run import FirstRunWizard
from tipdesk.ui.dialogs.letter_settings import LetterSettingsDialog
from tipdesk.ui.dialogs.sign_in import LAST_REGISTER, SignInDialog
from tipdesk.ui.settings import app_settings


def test_wizard_creates_a_register_and_holds_the_recovery_code_until_confirmed(qtbot, tmp_path):
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.start_page.create_choice.isChecked()
    wizard.next()
    office = wizard.office_page
    assert wizard.currentId() == FirstRunWizard.OFFICE
    wizard.next()  # nothing filled in: refused, with the fields named
    assert wizard.currentId() == FirstRunWizard.OFFICE
    assert "Office code" in office.error.text() or "Code" in office.error.text()
    office.code.setText("sby")
    office.name.setText("UPTD PPA Kota Surabaya")
    office.region.setText("35.78")
    office.letterhead.setPlainText("PEMERINTAH KOTA SURABAYA\nUPTD PPA")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.LOGO
    wizard.next()  # the logo is optional
    assert wizard.currentId() == FirstRunWizard.ADMIN
    admin = wizard.admin_page
    admin.username.setText("ani")
    admin.password.setText("short")
    admin.repeat.setText("short")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN
    assert "at least 8 characters" in admin.error.text()
    admin.password.setText("kata-sandi-panjang")
    admin.repeat.setText("kata-sandi-lain")
    wizard.next()
    assert "differ" in admin.error.text()
    admin.repeat.setText("kata-sandi-panjang")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.FOLDER
    folder = tmp_path / "registers" / "SBY"
    assert wizard.folder_page.folder_edit.text().endswith("SBY")
    wizard.folder_page.folder_edit.setText(str(folder))
    wizard.next()  # creates the register in the background, then moves on by itself
    assert wizard.currentId() == FirstRunWizard.FOLDER
    settle()
    assert wizard.currentId() == FirstRunWizard.RECOVERY
    assert is_register(folder)
    code = wizard.recovery_page.code_label.text()
    assert len(code.replace("-", "")) == 32
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # Escape before confirming does not lose the code
    assert wizard.isVisible()
    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()
    wizard.accept()
    assert wizard.folder == folder


def test_wizard_refuses_a_folder_that_is_not_a_register(qtbot, tmp_path):
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.start_page.open_choice.setChecked(True)
    wizard.start_page.folder_edit.setText(str(tmp_path))
    wizard.next()
    assert "not a TipDesk register" in wizard.start_page.error.text()


def test_sign_in_refuses_a_wrong_password_then_opens_and_remembers_the_folder(qtbot, tmp_path):
    created = new_register(tmp_path / "reg")
    dialog = SignInDialog(created.folder)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.user_box.itemText(i) for i in range(dialog.user_box.count())] == ["admin"]
    dialog.password_edit.setText("salah-sekali")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.session is None
    assert "password" in dialog.message.text().lower()
    assert dialog.password_edit.text() == ""  # never kept
    dialog.password_edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.session is not None
    assert dialog.session.user.username == "admin"
    dialog.session.close()
    assert app_settings().value(LAST_REGISTER) == str(created.folder)
    settings_text = "".join(p.read_text() for p in (tmp_path / "settings").rglob("*.ini"))
    assert PASSWORD not in settings_text
    again = SignInDialog()
    qtbot.addWidget(again)
    assert Path(again.folder_edit.text()) == created.folder


def test_sign_in_names_a_folder_that_is_not_a_register(qtbot, tmp_path):
    dialog = SignInDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert "not a TipDesk register" in dialog.message.text()
    assert not dialog.sign_in_button.isEnabled()


def test_a_province_is_shown_its_recovery_key_for_batches_once(qtbot, tmp_path):
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    office = wizard.office_page
    office.code.setText("NTT")
    office.name.setText("UPTD PPA Provinsi NTT")
    office.level.setCurrentIndex(office.level.findData("province"))
    office.region.setText("53")
    wizard.next()
    wizard.next()  # no logo
    admin = wizard.admin_page
    admin.username.setText("ani")
    admin.password.setText("kata-sandi-panjang")
    admin.repeat.setText("kata-sandi-panjang")
    wizard.next()
    wizard.folder_page.folder_edit.setText(str(tmp_path / "NTT"))
    wizard.next()
    settle()
    assert wizard.currentId() == FirstRunWizard.RECOVERY
    page = wizard.recovery_page
    assert not page.batch_key.isHidden()
    assert page.batch_key_label.text().startswith("AGE-SECRET-KEY-1")
    finish = wizard.button(wizard.WizardButton.FinishButton)
    page.confirm.setChecked(True)
    assert not finish.isEnabled()  # the key for batches is not on paper yet
    wizard.reject()
    assert wizard.isVisible()
    page.batch_confirm.setChecked(True)
    assert finish.isEnabled()
    wizard.accept()


def test_a_district_has_no_recovery_key_for_batches(qtbot, tmp_path):
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.office_page.code.setText("KUP")
    wizard.office_page.name.setText("UPTD PPA Kota Kupang")
    wizard.office_page.region.setText("53.71")
    wizard.next()
    wizard.next()  # no logo
    wizard.admin_page.username.setText("ani")
    wizard.admin_page.password.setText("kata-sandi-panjang")
    wizard.admin_page.repeat.setText("kata-sandi-panjang")
    wizard.next()
    wizard.folder_page.folder_edit.setText(str(tmp_path / "KUP"))
    wizard.next()
    settle()
    assert wizard.recovery_page.batch_key.isHidden()
    wizard.recovery_page.confirm.setChecked(True)
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()


# --- the logo on letters --------------------------------------------------------------------


def _to_logo_page(qtbot, *, head: bool = True) -> FirstRunWizard:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    office = wizard.office_page
    office.code.setText("KUP")
    office.name.setText("UPTD PPA Kota Kupang")
    office.region.setText("53.71")
    office.letterhead.setPlainText("PEMERINTAH KOTA KUPANG\nUPTD PPA")
    if head:
        office.head_name.setText("Yuliana Ndolu, S.Sos")
        office.head_title.setText("Kepala UPTD PPA Kota Kupang")
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.LOGO
    return wizard


def _finish(wizard: FirstRunWizard, folder: Path) -> None:
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN
    wizard.admin_page.username.setText("admin")
    wizard.admin_page.password.setText(PASSWORD)
    wizard.admin_page.repeat.setText(PASSWORD)
    wizard.next()
    wizard.folder_page.folder_edit.setText(str(folder))
    wizard.next()
    settle()
    assert wizard.currentId() == FirstRunWizard.RECOVERY
    wizard.recovery_page.confirm.setChecked(True)
    wizard.accept()


def _choose(monkeypatch, wizard: FirstRunWizard, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(path), "")))
    wizard.logo_page.logo.choose_button.click()


def _png(path: Path, colour: str = "navy") -> Path:
    image = QImage(48, 32, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    image.save(str(path))
    return path


def test_a_logo_chosen_in_the_wizard_is_in_the_letter_settings(qtbot, tmp_path, monkeypatch):
    wizard = _to_logo_page(qtbot)
    page = wizard.logo_page
    assert page.logo.preview.text() == "No logo"
    logo = _png(tmp_path / "logo.png")
    _choose(monkeypatch, wizard, logo)
    assert not page.logo.preview.pixmap().isNull()
    assert page.error.isHidden()
    _finish(wizard, tmp_path / "KUP")

    session = sign_in(tmp_path / "KUP", "admin")
    try:
        settings = letters.letter_settings(session)
        assert base64.b64decode(settings.logo) == logo.read_bytes()
        # the rest as the office page said, as before
        assert settings.signatory_name == "Yuliana Ndolu, S.Sos"
        assert settings.letterhead == ["PEMERINTAH KOTA KUPANG", "UPTD PPA"]
        assert settings.city == "Kupang"
        dialog = LetterSettingsDialog(session)
        qtbot.addWidget(dialog)
        assert not dialog.logo.preview.pixmap().isNull()
        assert dialog.logo.remove_button.isEnabled()
    finally:
        session.close()


def test_a_file_that_is_not_an_image_is_refused_in_the_wizard_and_changes_nothing(
    qtbot, tmp_path, monkeypatch
):
    wizard = _to_logo_page(qtbot)
    page = wizard.logo_page
    good = _png(tmp_path / "logo.png")
    _choose(monkeypatch, wizard, good)
    (tmp_path / "notes.png").write_bytes(b"not a picture")
    _choose(monkeypatch, wizard, tmp_path / "notes.png")
    assert page.error.text() == "Logo: the logo must be a PNG or JPEG image."
    assert not page.error.isHidden()
    assert not page.logo.preview.pixmap().isNull()  # the logo chosen before stays
    big = tmp_path / "big.png"
    big.write_bytes(good.read_bytes() + b"\0" * (600 * 1024))
    _choose(monkeypatch, wizard, big)
    assert "larger than 512 KB" in page.error.text()
    _finish(wizard, tmp_path / "KUP")
    session = sign_in(tmp_path / "KUP", "admin")
    try:
        assert base64.b64decode(letters.letter_settings(session).logo) == good.read_bytes()
    finally:
        session.close()


def test_a_bad_file_alone_leaves_the_register_without_a_logo(qtbot, tmp_path, monkeypatch):
    wizard = _to_logo_page(qtbot)
    (tmp_path / "logo.jpg").write_bytes(b"GIF89a not ours")
    _choose(monkeypatch, wizard, tmp_path / "logo.jpg")
    assert wizard.logo_page.logo.preview.text() == "No logo"
    assert "PNG or JPEG" in wizard.logo_page.error.text()
    _finish(wizard, tmp_path / "KUP")
    session = sign_in(tmp_path / "KUP", "admin")
    try:
        assert letters.letter_settings(session).logo == ""
    finally:
        session.close()


def test_a_logo_needs_the_head_of_office_or_can_be_left_for_later(qtbot, tmp_path, monkeypatch):
    wizard = _to_logo_page(qtbot, head=False)
    _choose(monkeypatch, wizard, _png(tmp_path / "logo.png"))
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.LOGO
    assert "head of office" in wizard.logo_page.error.text()
    wizard.logo_page.logo.remove_button.click()
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.ADMIN
