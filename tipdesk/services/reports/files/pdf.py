"""The report as an A4 PDF: the office letterhead on the first page, the title, office,
period and time, then every table (headers repeated when a table runs over a page), with
charts after the tables they draw, and "Halaman N dari M" on every page.

Styles come from the letters' base font, so any place name prints; user text (office and
place names, letterhead lines) is escaped by :func:`markup`.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    NextPageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from tipdesk.domain.reports import TOTAL
from tipdesk.services.pdf.components import (
    Letterhead,
    fields_table,
    letterhead_document,
    numbered_canvas,
)
from tipdesk.services.pdf.styles import BASE, markup, styles, text_width
from tipdesk.services.reports.files.charts import chart_for
from tipdesk.services.reports.files.labels import LabelledReport, LabelledTable, number_text

MARGINS = {"left": 2.2 * cm, "right": 2 * cm, "top": 1.5 * cm, "bottom": 2 * cm}
CELL_SIZE = 8.5
NUMBER_WIDTH = 2.6 * cm
MIN_LABEL_WIDTH = 3.2 * cm
LABEL_WIDTH = 8 * cm
HEADER_FILL = colors.HexColor("#E8EDF2")
RULE = colors.HexColor("#9AA5B1")


def render_pdf(
    report: LabelledReport,
    letterhead: tuple[str, ...],
    address: tuple[str, ...] = (),
    logo: bytes | None = None,
) -> bytes:
    head = Letterhead(letterhead, address, logo)
    buffer = io.BytesIO()
    doc, width = letterhead_document(
        buffer,
        A4,
        MARGINS,
        head,
        0.5 * cm,
        title=f"{report.title}: {report.period}",
        author=report.office,
        subject=report.period,
    )
    t = report.text

    def page_label(n: int, total: int) -> str:
        return f"{report.title} \u00b7 {report.period} \u00b7 " + t["page"].format(n=n, total=total)

    doc.build(_story(report, width), canvasmaker=numbered_canvas(page_label))
    return buffer.getvalue()


def _story(report: LabelledReport, width: float) -> list:
    s, t = styles(), report.text
    title = ParagraphStyle("report-title", parent=s.bold, fontSize=15, leading=19, spaceAfter=6)
    heading = ParagraphStyle(
        "table-title",
        parent=s.heading,
        fontSize=11,
        leading=14,
        spaceBefore=12,
        spaceAfter=5,
        keepWithNext=1,
    )
    story: list = [
        NextPageTemplate("later"),
        Paragraph(markup(report.title), title),
        fields_table(list(report.info), width, indent=0),
        Spacer(1, 0.2 * cm),
        Paragraph(markup(t["confidential"]), s.small),
    ]
    figure = 0
    for table in report.tables:
        story.append(Paragraph(markup(table.title), heading))
        if not table.rows:
            story.append(Paragraph(markup(t["no_data"]), s.small))
            continue
        story.append(_grid(table, width, report.lang))
        if table.note:
            story += [Spacer(1, 2), Paragraph(markup(table.note), s.small)]
        chart = chart_for(table, width, report.lang)
        if chart is not None:
            figure += 1
            caption = t["figure"].format(n=figure, title=table.title)
            story.append(
                KeepTogether(
                    [Spacer(1, 0.35 * cm), chart, Spacer(1, 2), Paragraph(markup(caption), s.small)]
                )
            )
    return story


def _grid(table: LabelledTable, width: float, lang: str) -> Table:
    """The table with its header row repeated on every page it runs over."""
    s = styles()
    n = len(table.columns)
    number_width = min(NUMBER_WIDTH, (width - MIN_LABEL_WIDTH) / n)
    # Rupiah run to 18 characters (15.000.000.000.000): such a column is as wide as they.
    widest = max(
        (
            text_width(number_text(v, lang), CELL_SIZE, bold=True)
            for r in table.rows
            for v in r.values
        ),
        default=0,
    )
    number_width = min(max(number_width, widest + 10), (width - MIN_LABEL_WIDTH) / n)
    # As wide as the longest label needs (the eye need not travel far), at most the rest.
    longest = max(
        [
            text_width(table.row_heading, CELL_SIZE, bold=True),
            *(text_width(row.label, CELL_SIZE, bold=row.key == TOTAL) for row in table.rows),
        ]
    )
    label_width = min(width - n * number_width, max(LABEL_WIDTH, longest + 14))
    head_size = _header_size(table.column_labels, number_width - 8 - 3)  # padding, slack
    label = ParagraphStyle("cell", parent=s.plain, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2)
    head = ParagraphStyle(
        "head", parent=label, fontName=BASE + "-Bold", fontSize=head_size, leading=head_size * 1.2
    )
    head_right = ParagraphStyle("head-right", parent=head, alignment=TA_RIGHT)
    bold = ParagraphStyle("cell-bold", parent=label, fontName=BASE + "-Bold")
    data: list[list] = [
        [
            Paragraph(markup(table.row_heading), head),
            *(Paragraph(markup(c), head_right) for c in table.column_labels),
        ]
    ]
    totals = []
    for index, row in enumerate(table.rows, start=1):
        if row.key == TOTAL:
            totals.append(index)
        data.append(
            [
                Paragraph(markup(row.label), bold if row.key == TOTAL else label),
                *(number_text(v, lang) for v in row.values),
            ]
        )
    grid = Table(data, colWidths=[label_width, *([number_width] * n)], repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (1, 1), (-1, -1), BASE),
        ("FONTSIZE", (1, 1), (-1, -1), CELL_SIZE),
        ("LEADING", (1, 1), (-1, -1), CELL_SIZE * 1.2),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#D5DBE1")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for index in totals:
        style += [
            ("FONTNAME", (1, index), (-1, index), BASE + "-Bold"),
            ("LINEABOVE", (0, index), (-1, index), 0.8, RULE),
        ]
    grid.setStyle(style)
    return grid


def _header_size(labels: tuple[str, ...], room: float) -> float:
    """The largest size (8 down to 5.5 points) at which every word of every column label
    fits its column, so no word runs into the next one."""
    words = [w for text in labels for w in text.split()] or [""]
    widest = max(text_width(w, 1, bold=True) for w in words) or 1
    return max(5.5, min(8.0, room / widest))
