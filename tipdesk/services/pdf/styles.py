"""Fonts and paragraph styles of the referral letter.

One base face (Liberation Sans, Arial's metrics) with fallbacks for characters it lacks,
all bundled under ``resources/fonts`` (see its README for the licences). ReportLab does
not fall back by itself, so :func:`markup` splits text into runs, each in the first face
that has every character of the run, and escapes it: user text can never become markup.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import cast
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tipdesk.paths import resource_path

BASE = "TipDeskSans"
# (family name, regular file, bold file or None); the first face is the base.
_FACES = (
    (BASE, "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("TipDeskSansWide", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("TipDeskSansCJK", "DroidSansFallbackFull.ttf", None),
)
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the bundled faces with ReportLab once per process."""
    global _registered
    with _lock:
        if _registered:
            return
        for family, regular, bold in _FACES:
            pdfmetrics.registerFont(TTFont(family, str(resource_path("fonts", regular))))
            bold_name = family
            if bold:
                bold_name = f"{family}-Bold"
                pdfmetrics.registerFont(TTFont(bold_name, str(resource_path("fonts", bold))))
            pdfmetrics.registerFontFamily(
                family, normal=family, bold=bold_name, italic=family, boldItalic=bold_name
            )
        _registered = True


def _faces() -> tuple[tuple[str, frozenset[int]], ...]:
    register_fonts()
    return _coverage()


@functools.cache
def _coverage() -> tuple[tuple[str, frozenset[int]], ...]:
    # getFont gives back the TTFont registered above (its stub says a plain Font)
    return tuple(
        (family, frozenset(cast(TTFont, pdfmetrics.getFont(family)).face.charToGlyph))
        for family, _regular, _bold in _FACES
    )


def face_for(char: str) -> str | None:
    """The first bundled face that has ``char``; None if none has it."""
    code = ord(char)
    for family, chars in _faces():
        if code in chars:
            return family
    return None


def unprintable(text: str) -> str:
    """The characters of ``text`` that no bundled face can print (spaces excluded)."""
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and face_for(c) is None))


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ``(face, run)`` pieces; spaces and unprintable characters stay in
    the face of the run they are in (the base face at the start)."""
    base_chars = _faces()[0][1]
    if all(ord(c) in base_chars for c in text):  # nearly every text
        return [(BASE, text)] if text else []
    pieces: list[tuple[str, str]] = []
    for char in text:
        face = None if char.isspace() else face_for(char)
        if face is None:
            face = pieces[-1][0] if pieces else BASE
        if pieces and pieces[-1][0] == face:
            pieces[-1] = (face, pieces[-1][1] + char)
        else:
            pieces.append((face, char))
    return pieces


def markup(text: str) -> str:
    """Paragraph markup for plain ``text``: escaped, with face changes where needed."""
    return "".join(
        escape(run) if face == BASE else f'<font face="{face}">{escape(run)}</font>'
        for face, run in runs(text)
    )


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` drawn with :func:`draw_text`."""
    return sum(
        pdfmetrics.stringWidth(run, _canvas_face(face, bold), size) for face, run in runs(text)
    )


def draw_text(canvas, x: float, y: float, text: str, size: float, *, bold: bool = False) -> None:
    """Draw ``text`` on a ReportLab canvas from ``x``, each run in its face."""
    for face, run in runs(text):
        name = _canvas_face(face, bold)
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)


def _canvas_face(face: str, bold: bool) -> str:
    if not bold:
        return face
    return next((f"{family}-Bold" for family, _r, b in _FACES if family == face and b), face)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    plain: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    heading: ParagraphStyle
    centred: ParagraphStyle
    centred_bold: ParagraphStyle
    title: ParagraphStyle


@functools.cache
def styles(size: float = 10.5, space: float = 1.0) -> Styles:
    """The letter's paragraph styles, all from the one base face; ``space`` scales the
    room between paragraphs (a letter made to fit one page has less)."""
    register_fonts()
    leading = size * 1.3
    plain = ParagraphStyle(
        "plain", fontName=BASE, fontSize=size, leading=leading, alignment=TA_LEFT
    )
    return Styles(
        body=ParagraphStyle(
            "body", parent=plain, alignment=TA_JUSTIFY, spaceAfter=size * 0.6 * space
        ),
        plain=plain,
        bold=ParagraphStyle("bold", parent=plain, fontName=BASE + "-Bold"),
        small=ParagraphStyle("small", parent=plain, fontSize=size - 2, leading=(size - 2) * 1.3),
        note=ParagraphStyle(
            "note",
            parent=plain,
            fontSize=size - 1.5,
            leading=(size - 1.5) * 1.3,
            alignment=TA_JUSTIFY,
            spaceAfter=size * 0.6 * space,
        ),
        heading=ParagraphStyle(
            "heading",
            parent=plain,
            fontName=BASE + "-Bold",
            spaceBefore=size * 0.3 * space,
            spaceAfter=size * 0.2 * space,
        ),
        centred=ParagraphStyle("centred", parent=plain, alignment=TA_CENTER),
        centred_bold=ParagraphStyle(
            "centred_bold", parent=plain, alignment=TA_CENTER, fontName=BASE + "-Bold"
        ),
        title=ParagraphStyle(
            "title",
            parent=plain,
            alignment=TA_CENTER,
            fontName=BASE + "-Bold",
            fontSize=size + 2,
            leading=(size + 2) * 1.3,
        ),
    )
