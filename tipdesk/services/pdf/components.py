"""Pieces of the letter: the letterhead (drawn on the first page), page numbers, the
Nomor/Sifat/Lampiran/Hal block, label-value tables and the signature block."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from tipdesk.services.pdf.styles import Styles, draw_text, markup, styles, text_width

LOGO_HEIGHT = 2.4 * cm
HEAD_SIZES = (12.5, 13.5)  # first letterhead line, the others
ADDRESS_SIZE = 9.5
RULE_GAP = 0.25 * cm
SIGNING_ROOM = 1.8 * cm  # between the signatory's title and name: signature and stamp


class Letterhead:
    """The kop: optional logo, centred lines, then a thick and a thin rule."""

    def __init__(
        self,
        lines: Sequence[str],
        address: Sequence[str],
        logo: bytes | None,
    ) -> None:
        self.lines = [line.strip() for line in lines if line.strip()]
        self.address = [line.strip() for line in address if line.strip()]
        self.logo = ImageReader(io.BytesIO(logo)) if logo else None

    def _rows(self) -> list[tuple[str, float, bool]]:
        rows = [
            (line, HEAD_SIZES[0] if i == 0 else HEAD_SIZES[1], i > 0)
            for i, line in enumerate(self.lines)
        ]
        return rows + [(line, ADDRESS_SIZE, False) for line in self.address]

    def height(self) -> float:
        text = sum(size * 1.25 for _line, size, _bold in self._rows())
        return max(text, LOGO_HEIGHT if self.logo else 0) + 2 * RULE_GAP + 3

    def draw(self, canvas: Canvas, left: float, right: float, top: float) -> None:
        text_left = left
        if self.logo:
            image_width, image_height = self.logo.getSize()
            logo_width = LOGO_HEIGHT * image_width / image_height
            canvas.drawImage(
                self.logo, left, top - LOGO_HEIGHT, logo_width, LOGO_HEIGHT, mask="auto"
            )
            text_left = left + logo_width + 0.3 * cm
        area = right - text_left
        y = top
        for line, size, bold in self._rows():
            while size > 7 and text_width(line, size, bold=bold) > area:
                size -= 0.5
            y -= size * 1.25
            width = text_width(line, size, bold=bold)
            draw_text(
                canvas, text_left + (area - width) / 2, y + size * 0.25, line, size, bold=bold
            )
        bottom = top - self.height() + RULE_GAP
        canvas.setLineWidth(2.2)
        canvas.line(left, bottom + 3, right, bottom + 3)
        canvas.setLineWidth(0.6)
        canvas.line(left, bottom, right, bottom)


def letterhead_document(
    buffer: io.BytesIO,
    pagesize: tuple[float, float],
    margins: dict[str, float],
    head: Letterhead,
    gap: float,
    *,
    title: str,
    author: str,
    subject: str,
) -> tuple[BaseDocTemplate, float]:
    """A document with ``head`` drawn on the first page only (its frame starts ``gap``
    below it) and full-height frames on the pages after; returns it and the text width.
    ``title``, ``author`` and ``subject`` go into the PDF's information."""
    page_width, page_height = pagesize
    left, right = margins["left"], page_width - margins["right"]
    width, top = right - left, page_height - margins["top"]
    frame_height = top - margins["bottom"]

    def first_page(canvas, _doc) -> None:
        head.draw(canvas, left, right, top)

    def frame(name: str, height: float) -> Frame:
        return Frame(
            left,
            margins["bottom"],
            width,
            height,
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        invariant=1,
        creator="TipDesk",
        pageTemplates=[
            PageTemplate(
                "first", [frame("first", frame_height - head.height() - gap)], onPage=first_page
            ),
            PageTemplate("later", [frame("later", frame_height)]),
        ],
        title=title,
        author=author,
        subject=subject,
    )
    return doc, width


def numbered_canvas(page_label: Callable[[int, int], str], watermark: str = ""):
    """A canvas class that writes ``page_label(n, total)`` at the foot of every page once the
    page count is known, and an optional watermark across each page (drafts)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # private; not in types-reportlab

        def save(self) -> None:
            total = len(self._pages)
            for page in self._pages:
                self.__dict__.update(page)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize  # type: ignore[attr-defined]  # private; not in stubs
            label = page_label(self.getPageNumber(), total)
            size = 8.5
            draw_text(self, (width - text_width(label, size)) / 2, 1.2 * cm, label, size)
            if watermark:
                self.saveState()
                self.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.35))
                self.translate(width / 2, height / 2)
                self.rotate(35)
                draw_text(
                    self, -text_width(watermark, 80, bold=True) / 2, 0, watermark, 80, bold=True
                )
                self.restoreState()

    return NumberedCanvas


def reference_block(
    rows: Sequence[tuple[str, str]], place_date: str, width: float, s: Styles | None = None
) -> Table:
    """Nomor / Sifat / Lampiran / Hal on the left, place and date on the right of the
    first row."""
    s = s or styles()
    date_width = max(5.2 * cm, text_width(place_date, s.plain.fontSize) + 0.3 * cm)
    label_width, colon_width = 2.3 * cm, 0.4 * cm
    data = []
    for i, (label, value) in enumerate(rows):
        data.append(
            [
                Paragraph(markup(label), s.plain),
                Paragraph(":", s.plain),
                Paragraph(markup(value), s.plain),
                Paragraph(markup(place_date), s.plain) if i == 0 else "",
            ]
        )
    table = Table(
        data,
        colWidths=[
            label_width,
            colon_width,
            width - label_width - colon_width - date_width,
            date_width,
        ],
    )
    table.setStyle([*_TIGHT, ("ALIGN", (3, 0), (3, 0), "RIGHT")])
    return table


def fields_table(
    rows: Sequence[tuple[str, str]],
    width: float,
    indent: float = 0.8 * cm,
    s: Styles | None = None,
) -> Table:
    """``label : value`` rows, values wrapping."""
    s = s or styles()
    label_width = max(text_width(label, s.plain.fontSize) for label, _v in rows) + 0.3 * cm
    data = [
        [
            "",
            Paragraph(markup(label), s.plain),
            Paragraph(":", s.plain),
            Paragraph(markup(value), s.plain),
        ]
        for label, value in rows
    ]
    table = Table(
        data, colWidths=[indent, label_width, 0.4 * cm, width - indent - label_width - 0.4 * cm]
    )
    table.setStyle(_TIGHT)
    return table


def numbered_list(
    items: Sequence[str], width: float, indent: float = 0.8 * cm, s: Styles | None = None
) -> Table:
    s = s or styles()
    data = [
        ["", Paragraph(f"{i}.", s.plain), Paragraph(markup(item), s.plain)]
        for i, item in enumerate(items, 1)
    ]
    table = Table(data, colWidths=[indent, 0.7 * cm, width - indent - 0.7 * cm])
    table.setStyle(_TIGHT)
    return table


def signature_block(
    title: str,
    name: str,
    rank: str,
    nip_line: str,
    width: float,
    s: Styles | None = None,
    room: float = SIGNING_ROOM,
) -> Flowable:
    """The signatory on the right half: title, ``room`` to sign and stamp, name, rank, NIP."""
    s = s or styles()
    column = width * 0.5
    cells: list[list[Flowable]] = [
        [Paragraph(markup(title + ","), s.plain)],
        [Spacer(1, room)],
        [Paragraph(f"<u>{markup(name)}</u>", s.bold)],
    ]
    if rank:
        cells.append([Paragraph(markup(rank), s.plain)])
    if nip_line:
        cells.append([Paragraph(markup(nip_line), s.plain)])
    inner = Table(cells, colWidths=[column])
    inner.setStyle(_TIGHT)
    outer = Table([["", inner]], colWidths=[width - column, column])
    outer.setStyle(_TIGHT)
    return outer


_TIGHT = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
]


def signature_column(
    lines_above: Sequence[str],
    name: str,
    lines_below: Sequence[str],
    width: float,
    s: Styles | None = None,
    room: float = SIGNING_ROOM,
) -> Table:
    """One signatory in a column of ``width``, centred: who signs (``lines_above``),
    ``room`` to sign and stamp, the name (underlined; a dotted line to fill in by hand
    when empty) and ``lines_below`` (rank, NIP)."""
    s = s or styles()
    centred = s.centred
    shown = f"<u>{markup(name)}</u>" if name.strip() else "(" + "." * 36 + ")"
    cells: list[list[Flowable]] = [[Paragraph(markup(line), centred)] for line in lines_above]
    cells += [[Spacer(1, room)], [Paragraph(shown, s.centred_bold)]]
    cells += [[Paragraph(markup(line), centred)] for line in lines_below if line]
    inner = Table(cells, colWidths=[width])
    inner.setStyle(_TIGHT)
    return inner


def side_by_side(columns: Sequence[Flowable], width: float) -> Table:
    """Flowables in columns of equal width (signatures of two parties)."""
    table = Table([list(columns)], colWidths=[width / len(columns)] * len(columns))
    table.setStyle(_TIGHT)
    return table


def numbered_fields(
    marker: str, rows: Sequence[tuple[str, str]], width: float, s: Styles | None = None
) -> Table:
    """``1.  label : value`` rows, the marker on the first row only (a party of a record)."""
    s = s or styles()
    marker_width = 0.8 * cm
    label_width = max(text_width(label, s.plain.fontSize) for label, _v in rows) + 0.3 * cm
    data = [
        [
            Paragraph(markup(marker), s.plain) if i == 0 else "",
            Paragraph(markup(label), s.plain),
            Paragraph(":", s.plain),
            Paragraph(markup(value), s.plain),
        ]
        for i, (label, value) in enumerate(rows)
    ]
    table = Table(
        data,
        colWidths=[
            marker_width,
            label_width,
            0.4 * cm,
            width - marker_width - label_width - 0.4 * cm,
        ],
    )
    table.setStyle(_TIGHT)
    return table
