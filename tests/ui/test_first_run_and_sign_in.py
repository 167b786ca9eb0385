"""First run and sign-in, driven through the real widgets."""

from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import PASSWORD, new_register
from tests.ui.conftest import settle
from tipdesk.services.register import is_register
from tipdesk.ui.dialogs.first_run import FirstRunWizard
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
