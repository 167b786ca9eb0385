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
