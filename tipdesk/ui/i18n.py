"""The app's language: Indonesian by default, English complete.

Widgets write English source text through ``self.tr()`` (or ``QT_TRANSLATE_NOOP`` in
tables); ``resources/i18n/tipdesk_id.ts`` holds the Indonesian translations. Labels of
vocabularies, fields and service errors come from ``tipdesk.domain`` in the same
language (``current_language()``).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from tipdesk.paths import resource_path

LANGUAGES = ("id", "en")
DEFAULT = "id"
_current = DEFAULT
_installed: list[QTranslator] = []


def current_language() -> str:
    return _current


def choose_language(settings: QSettings | None = None) -> str:
    """``TIPDESK_LANG`` if set, else the language chosen in the app, else Indonesian."""
    env = os.environ.get("TIPDESK_LANG", "").split("_")[0].split(".")[0].lower()
    if env in LANGUAGES:
        return env
    if settings is not None:
        saved = str(settings.value("language", "") or "")
        if saved in LANGUAGES:
            return saved
    return DEFAULT


def ts_path(lang: str) -> Path:
    return resource_path("i18n", f"tipdesk_{lang}.ts")


class TsTranslator(QTranslator):
    """Translations read straight from a ``.ts`` file: used when no built ``.qm`` is
    newer than the ``.ts`` (a source checkout before ``pyside6-lrelease`` ran)."""

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.table: dict[tuple[str, str], str] = {}
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                node = message.find("translation")
                if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if node.text:
                    self.table[(name, source)] = node.text

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # No translation: give back the source text. PySide turns None into "", which
        # Qt would take as the translation and show a blank.
        return self.table.get((context, source_text), source_text)

    def isEmpty(self) -> bool:
        return not self.table


def install(lang: str, app: QCoreApplication | None = None) -> str:
    """Make ``lang`` the app's language; returns the language in effect."""
    global _current
    app = app or QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else DEFAULT
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang != "en":  # English is the source language
        translator = load_translator(lang)
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    _current = lang
    return lang


def load_translator(lang: str) -> QTranslator | None:
    ts = ts_path(lang)
    qm = ts.with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    if ts.exists():
        return TsTranslator(ts)
    return None
