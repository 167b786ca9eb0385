"""Refresh resources/i18n/tipdesk_id.ts from the code and build the .qm files.

    .venv/bin/python scripts/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` / ``QT_TRANSLATE_NOOP``
   string of ``tipdesk/ui`` into the ``.ts`` (keeping translations already there).
2. Translations written beside the code in ``resources/i18n/id/*.json``
   (``{"Context": {"English": "Indonesia"}}``) fill the ``.ts``.
3. ``pyside6-lrelease`` builds ``tipdesk_id.qm`` (not committed; the app falls back to
   reading the ``.ts`` when no ``.qm`` is newer).
Exits 1 and lists them if any string is left without an Indonesian translation.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "tipdesk_id.ts"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        sys.exit(f"{name} not found; install PySide6 in this environment")
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tipdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            "id",
            "-ts",
            str(TS),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    known: dict[tuple[str, str], str] = {}
    for path in sorted((I18N / "id").glob("*.json")):
        for context, table in json.loads(path.read_text("utf-8")).items():
            for source, translation in table.items():
                known[(context, source)] = translation
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None:
                node = ET.SubElement(message, "translation")
            if (name, source) in known:
                node.text = known[(name, source)]
                node.attrib.pop("type", None)
            elif not node.text or node.get("type") == "unfinished":
                missing.append(f"{name}: {source!r}")
    ET.indent(tree)
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(tree.getroot(), encoding="unicode")
        + "\n",
        "utf-8",
    )
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
        check=True,
        capture_output=True,
    )
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
