"""Indonesian is complete: every string the app can show has a translation."""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tipdesk.ui import i18n
from tipdesk.ui.dialogs.sign_in import SignInDialog

UI = Path(__file__).resolve().parents[2] / "tipdesk" / "ui"


def source_strings() -> set[tuple[str, str]]:
    """(context, text) of every tr()/translate()/QT_TRANSLATE_NOOP literal under ui/."""
    found = set()
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            context = getattr(cls, "name", None)
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                args = node.args
                if name == "tr" and context and args and isinstance(args[0], ast.Constant):
                    found.add((context, args[0].value))
                elif (
                    name in ("translate", "QT_TRANSLATE_NOOP")
                    and len(args) >= 2
                    and all(isinstance(a, ast.Constant) for a in args[:2])
                ):
                    found.add((args[0].value, args[1].value))
    return found


def ts_table() -> dict[tuple[str, str], str]:
    table = {}
    root = ET.parse(i18n.ts_path("id")).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            node = message.find("translation")
            if (
                node is not None
                and node.text
                and node.get("type") not in ("unfinished", "obsolete")
            ):
                table[(context.findtext("name"), message.findtext("source"))] = node.text
    return table


def test_every_visible_string_has_an_indonesian_translation():
    strings, table = source_strings(), ts_table()
    assert len(strings) > 50
    missing = sorted(f"{c}: {s}" for c, s in strings if (c, s) not in table)
    assert missing == [], "run scripts/update_translations.py and translate these"


def test_translations_keep_their_placeholders():
    for (context, source), text in ts_table().items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", text)), (
            context,
            source,
        )


def test_switching_to_indonesian_changes_what_the_user_reads(qtbot, qapp):
    assert i18n.install("id", qapp) == "id"
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Masuk ke TipDesk"
    assert dialog.sign_in_button.text() == "Masuk"
    i18n.install("en", qapp)
    english = SignInDialog()
    qtbot.addWidget(english)
    assert english.windowTitle() == "Sign in to TipDesk"


def test_language_comes_from_tipdesk_lang_then_the_saved_choice(monkeypatch):
    from tipdesk.ui.settings import app_settings

    settings = app_settings()
    settings.setValue("language", "en")
    assert i18n.choose_language(settings) == "en"
    monkeypatch.setenv("TIPDESK_LANG", "id_ID.UTF-8")
    assert i18n.choose_language(settings) == "id"
    monkeypatch.setenv("TIPDESK_LANG", "fr")
    assert i18n.choose_language(settings) == "en"
    settings.remove("language")
    assert i18n.choose_language(settings) == "id"


def test_a_fresh_checkout_without_built_qm_reads_the_ts():
    translator = i18n.TsTranslator(i18n.ts_path("id"))
    assert translator.translate("SignInDialog", "Sign in") == "Masuk"
    assert translator.translate("SignInDialog", "not a source string") == "not a source string"


def test_a_string_without_translation_shows_its_english_not_a_blank(qapp):
    from PySide6.QtCore import QCoreApplication

    qapp.installTranslator(translator := i18n.TsTranslator(i18n.ts_path("id")))
    try:
        assert QCoreApplication.translate("SignInDialog", "Sign in") == "Masuk"
        assert QCoreApplication.translate("SignInDialog", "not translated") == "not translated"
    finally:
        qapp.removeTranslator(translator)


# --- no English on screen in Indonesian (issue 21) ---------------------------------------

# What Qt's own widgets say in English (mnemonics removed); the Indonesian app shows none.
QT_ENGLISH = {
    "Cancel",
    "Save",
    "Save All",
    "Close",
    "Yes",
    "No",
    "Yes to All",
    "No to All",
    "Apply",
    "Reset",
    "Restore Defaults",
    "Help",
    "Open",
    "Abort",
    "Retry",
    "Ignore",
    "Discard",
    "< Back",
    "Next >",
    "Finish",
    "Go Back",
    "Continue",
    "Commit",
    "Done",
    "Show Details...",
    "Hide Details...",
    "Undo",
    "Redo",
    "Cut",
    "Copy",
    "Paste",
    "Delete",
    "Select All",
}
# Qt's contexts whose texts the app shows; every string Qt asks for in them is ours to
# translate (key names of shortcuts and icon-provider kinds read the same in Indonesian).
QT_CONTEXTS = {
    "QPlatformTheme",
    "QWizard",
    "QMessageBox",
    "QLineEdit",
    "QWidgetTextControl",
    "QFileDialog",
    "QFileSystemModel",
    "QProgressDialog",
    "QInputDialog",
}
NOT_WORDS = {("QFileDialog", s) for s in ("Alt+Left", "Alt+Right", "Alt+Up", "Show ")}


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\t")[0].strip()


def english_texts() -> set[str]:
    """Texts that are English only: sources whose Indonesian differs, and Qt's button
    texts, less anything that is also an Indonesian translation."""
    table = ts_table()
    indonesian = {_plain(t) for t in table.values()}
    english = {_plain(s) for (_c, s), t in table.items() if _plain(t) != _plain(s)}
    return (english | QT_ENGLISH) - indonesian


def visible_english(widget, english: set[str]) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget, QWizard

    found = []
    # Hidden ones too: a wizard's Back, Next and Finish, a label shown on some input.
    shown = [widget, *widget.findChildren(QWidget)]
    if isinstance(widget, QWizard):
        shown += [widget.button(b) for b in QWizard.WizardButton if widget.button(b)]
    for child in shown:
        if isinstance(child, QAbstractButton | QLabel) and _plain(child.text()) in english:
            found.append(f"{type(widget).__name__}: {type(child).__name__} {child.text()!r}")
    return found


def dialog_classes() -> set[type]:
    """Every QDialog (and QWizard) class defined under tipdesk/ui/dialogs."""
    import importlib
    import inspect
    import pkgutil

    from PySide6.QtWidgets import QDialog

    import tipdesk.ui.dialogs as package

    found = set()
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, QDialog)
                and value.__module__ == module.__name__
            ):
                found.add(value)
    return found


def dialog_builders(session, tmp_path) -> dict[type, object]:
    """How to open each dialog with what it needs (a case, a referral, a key file...)."""
    from PySide6.QtWidgets import QMenuBar

    from tests.conftest import add_account, provider
    from tests.conftest import new_case as add_case
    from tipdesk.domain import records as r
    from tipdesk.services import sync
    from tipdesk.services.access import users
    from tipdesk.services.casework import cases
    from tipdesk.ui.dialogs import (
        backup,
        document,
        errors,
        first_run,
        help,
        item_dialogs,
        journey,
        letter,
        letter_settings,
        new_case,
        office_keys,
        people_links,
        person_rights,
        plan_sheet,
        reply,
        sign_in,
        transfer,
    )
    from tipdesk.ui.dialogs import users as user_dialogs

    file = add_case(session, {"full_name": "Yosefina Nahak"})
    number = file.case.case_number
    referral = r.Referral(
        case_id=file.case.id,
        provider_id=provider(session).id,
        services_requested=["health"],
        reason="Pemeriksaan kesehatan.",
        urgency="urgent",
    )
    cases.add_referral(session, referral)
    add_account(session, "ani", "caseworker")
    ani = next(a for a in users.list_accounts(session) if a.username == "ani")
    key_file, _fingerprint = sync.export_key_file(session, tmp_path)
    data = key_file.read_bytes()

    def journey_letter(kind: str, table: str):
        from tests.helpers import add_journey

        record = add_journey(session, file.case.id)[table]
        return letter.LetterDialog(session, number, record.id, kind=kind)

    wizard_pages = {}
    for page_id in range(len(first_run.FirstRunWizard().pageIds())):

        def wizard(page_id=page_id):
            built = first_run.FirstRunWizard()
            built.setStartId(page_id)
            return built

        wizard_pages[page_id] = wizard

    def plan_with_a_goal():
        from tipdesk.services.casework import journey as plan

        goal = r.PlanGoal(case_id=file.case.id, goal="Konseling", domain="mental_health")
        plan.add_record(session, goal)
        return plan_sheet.PlanSheetDialog(session, number)

    def documents_of_the_case():
        from tests.ui.test_documents import canary_image, canary_pdf
        from tipdesk.services.casework import documents

        image = documents.attach(session, number, canary_image(), kind="photo", file_name="a.png")
        pdf = documents.attach(session, number, canary_pdf(2), kind="consent", file_name="b.pdf")
        return cases.open_case(session, number), image, pdf

    case_file, image, pdf = documents_of_the_case()

    def viewer(doc):
        from tipdesk.services.casework import documents

        return document.DocumentViewer(doc, documents.read_document(session, doc.id)[1])

    def pair():
        from tipdesk.services.casework.people_links import CandidatePair, CandidateSide

        def side(code: str) -> CandidateSide:
            return CandidateSide(file.person, code, f"Kantor {code}", (number,))

        return CandidatePair(side("KUP"), side("BEL"), ("same_nik",), 1.0, "")

    return {
        backup.RestoreDialog: [lambda: backup.RestoreDialog("admin")],
        document.DocumentDialog: [
            lambda: document.DocumentDialog(session, case_file),
            lambda: document.DocumentDialog(session, case_file, image),
        ],
        document.DocumentViewer: [
            lambda: viewer(image),
            lambda: viewer(pdf),
        ],
        errors.ExceptionDialog: [lambda: errors.ExceptionDialog(ValueError("boom"))],
        first_run.FirstRunWizard: list(wizard_pages.values()),
        help.ShortcutsDialog: [lambda: help.ShortcutsDialog(QMenuBar())],
        help.GuideDialog: [help.GuideDialog],
        item_dialogs.ItemDialog: [],  # the base of the three below
        item_dialogs.ServiceDialog: [lambda: item_dialogs.ServiceDialog(session, file.case)],
        item_dialogs.ReferralDialog: [lambda: item_dialogs.ReferralDialog(session, file.case)],
        item_dialogs.NoteDialog: [lambda: item_dialogs.NoteDialog(session, file.case)],
        journey.JourneyDialog: [],  # the base of the seven below
        journey.AssessmentDialog: [lambda: journey.AssessmentDialog(session, file.case)],
        journey.PlanGoalDialog: [lambda: journey.PlanGoalDialog(session, file.case)],
        journey.LegalStepDialog: [lambda: journey.LegalStepDialog(session, file.case)],
        journey.RestitutionDialog: [lambda: journey.RestitutionDialog(session, file.case)],
        journey.LpskRequestDialog: [lambda: journey.LpskRequestDialog(session, file.case)],
        journey.ReturnDialog: [lambda: journey.ReturnDialog(session, file.case)],
        journey.CheckupDialog: [lambda: journey.CheckupDialog(session, file.case)],
        journey.IncidentDialog: [lambda: journey.IncidentDialog(session)],
        journey.GroupIntakeDialog: [
            lambda: journey.GroupIntakeDialog(
                session, r.Incident(incident_number="KUP-KJ-2026-0001", kind="raid")
            )
        ],
        letter.LetterDialog: [
            lambda: letter.LetterDialog(session, number, referral.id),
            lambda: journey_letter("lpsk_request", "lpsk_requests"),
            lambda: journey_letter("handover", "returns"),
        ],
        letter_settings.LetterSettingsDialog: [
            lambda: letter_settings.LetterSettingsDialog(session)
        ],
        new_case.DuplicatesDialog: [lambda: new_case.DuplicatesDialog([], session.today())],
        new_case.NewCaseDialog: [lambda: new_case.NewCaseDialog(session)],
        office_keys.EnrolDialog: [
            lambda: office_keys.EnrolDialog(session, data, sync.read_key_file(data), {})
        ],
        office_keys.RecoveryKeyDialog: [
            lambda: office_keys.RecoveryKeyDialog("AGE-SECRET-KEY-1TEST", "KUP")
        ],
        people_links.LinkDialog: [lambda: people_links.LinkDialog(pair())],
        people_links.UnlinkDialog: [lambda: people_links.UnlinkDialog(session, "link-id")],
        person_rights.EraseDialog: [lambda: person_rights.EraseDialog(session, number)],
        # without goals (the refusal said), then with one (the pages)
        plan_sheet.PlanSheetDialog: [
            lambda: plan_sheet.PlanSheetDialog(session, number),
            plan_with_a_goal,
        ],
        reply.ReplyDialog: [lambda: reply.ReplyDialog(session, referral, "RSUD")],
        sign_in.SignInDialog: [lambda: sign_in.SignInDialog(session.folder)],
        # a district that knows no other office yet (the message says so)
        transfer.TransferRequestDialog: [lambda: transfer.TransferRequestDialog(session, number)],
        transfer.DeclineDialog: [lambda: transfer.DeclineDialog(session, number)],
        user_dialogs.ServiceDialog: [],  # the base of the four below
        user_dialogs.AddUserDialog: [lambda: user_dialogs.AddUserDialog(session)],
        user_dialogs.RoleDialog: [lambda: user_dialogs.RoleDialog(session, ani)],
        user_dialogs.PasswordDialog: [
            lambda: user_dialogs.PasswordDialog(
                session, "Kata sandi", "", lambda new, current: None, ask_current=True
            )
        ],
        user_dialogs.RemoveUserDialog: [lambda: user_dialogs.RemoveUserDialog(session, ani)],
        user_dialogs.RekeyDoneDialog: [
            lambda: user_dialogs.RekeyDoneDialog(users.Removed(username="ani", rekeyed=True))
        ],
    }


def test_every_dialog_and_wizard_page_shows_no_english_in_indonesian(
    qtbot, qapp, session, tmp_path
):
    from tests.ui.conftest import settle

    builders = dialog_builders(session, tmp_path)
    assert dialog_classes() <= set(builders), "add the new dialog to dialog_builders"
    i18n.install("id", qapp)
    english = english_texts()
    found = []
    shown = 0
    for builds in builders.values():
        for build in builds:
            dialog = build()
            qtbot.addWidget(dialog)
            dialog.show()
            settle()
            qapp.processEvents()
            found += visible_english(dialog, english)
            shown += 1
            dialog.hide()
    assert shown >= 20
    assert found == []


def test_qt_standard_buttons_and_menus_are_indonesian(qtbot, qapp):
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QWizard, QWizardPage

    i18n.install("id", qapp)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Judul",
        "Teks",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Close
        | QMessageBox.StandardButton.Discard,
    )
    qtbot.addWidget(box)
    assert sorted(_plain(b.text()) for b in box.buttons()) == sorted(
        ["Ya", "Tidak", "Batal", "Simpan", "Tutup", "Buang"]
    )
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
    )
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["OK", "Terapkan"]
    wizard = QWizard()
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    qtbot.addWidget(wizard)
    wizard.show()
    texts = [wizard.button(b).text() for b in QWizard.WizardButton if wizard.button(b)]
    assert {"< &Kembali", "&Lanjut >", "&Selesai", "Batal"} <= set(texts)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = [_plain(a.text()) for a in edit.createStandardContextMenu().actions() if a.text()]
    assert menu == ["Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua"]


def test_every_text_qt_asks_for_in_the_shown_contexts_has_indonesian(qtbot, qapp):
    """Drive Qt's own dialogs under a translator that records what Qt asks for: a Qt
    upgrade that changes one of these texts fails here, not in front of a user."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import (
        QDialogButtonBox,
        QFileDialog,
        QLineEdit,
        QMessageBox,
        QPlainTextEdit,
        QProgressDialog,
        QWizard,
        QWizardPage,
    )

    asked: set[tuple[str, str]] = set()

    class Recorder(QTranslator):
        def translate(self, context, source_text, disambiguation=None, n=-1):
            asked.add((context, source_text))
            return source_text

    recorder = Recorder()
    qapp.installTranslator(recorder)
    try:
        wizard = QWizard()
        wizard.setOption(QWizard.WizardOption.HaveHelpButton)
        wizard.addPage(QWizardPage())
        wizard.addPage(QWizardPage())
        qtbot.addWidget(wizard)
        for style in QWizard.WizardStyle:
            wizard.setWizardStyle(style)
        box = QMessageBox()
        for button in QDialogButtonBox.StandardButton:
            if button not in (QDialogButtonBox.StandardButton.NoButton,):
                box.addButton(QMessageBox.StandardButton(button.value))
        box.setDetailedText("rincian")
        qtbot.addWidget(box)
        box.show()
        for save in (False, True):
            dialog = QFileDialog()
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            if save:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            qtbot.addWidget(dialog)
            dialog.show()
            qapp.processEvents()
        QLineEdit().createStandardContextMenu()
        QPlainTextEdit().createStandardContextMenu()
        progress = QProgressDialog()
        qtbot.addWidget(progress)
    finally:
        qapp.removeTranslator(recorder)
    table = ts_table()
    ours = {(c, s) for c, s in asked if c in QT_CONTEXTS} - NOT_WORDS
    assert len(ours) > 60
    assert sorted(f"{c}: {s!r}" for c, s in ours if (c, s) not in table) == []


def test_audit_details_read_in_indonesian(qapp):
    from tipdesk.domain.audit import AuditEntry
    from tipdesk.ui.views.audit import AuditText

    i18n.install("id", qapp)
    detail = {"number": "400.2.4/1/XI/2026", "override": False, "identity": True, "kind": "daily"}
    entry = AuditEntry(1, "", "admin", "letter_issued", "referrals", "", "KUP-1", detail)
    assert AuditText.details(entry) == (
        "nomor: 400.2.4/1/XI/2026; dikirim tanpa persetujuan tercatat: tidak; "
        "memuat identitas orang tersebut: ya; jenis: harian"
    )
    assert AuditText.value("backup_created_at", "2026-11-28") == "28/11/2026"


def test_the_number_pattern_tokens_are_explained_in_indonesian(qtbot, qapp, session):
    from PySide6.QtWidgets import QLabel

    from tipdesk.ui.dialogs.letter_settings import LetterSettingsDialog

    i18n.install("id", qapp)
    dialog = LetterSettingsDialog(session)
    qtbot.addWidget(dialog)
    hint = dialog.form.findChild(QLabel, "hint_number_pattern").text()
    assert hint.startswith("Harus memuat {number} dan {year}.")
    assert "{month_roman} \u2013 bulan dalam angka Romawi (XI)" in hint.splitlines()


def test_sync_words_are_plain_indonesian():
    """A key's fingerprint is a "kode pengaman" (not "sidik jari", which reads as
    biometrics) and a batch a "paket"."""
    words = " ".join(ts_table().values()).lower()
    assert "sidik jari" not in words and "kiriman" not in words
    assert ts_table()[("SyncView", "Export a batch")] == "Ekspor paket"
