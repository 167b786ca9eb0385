"""Charts of the PDF report, drawn with reportlab.graphics from a labelled table: new cases
per month stacked by type of exploitation, victims by age group and sex, services by type.

Only the report's own figures are drawn; "total" rows and columns are left out.
"""

from __future__ import annotations

import math
import textwrap

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from tipdesk.domain.reports import TOTAL
from tipdesk.services.pdf.styles import BASE, text_width
from tipdesk.services.reports.files.labels import LabelledTable, month_label, number_text

# Okabe-Ito, then Tableau: tell apart in colour and in grey, and for colour-blind readers.
PALETTE = tuple(
    colors.HexColor(c)
    for c in (
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#CC79A7",
        "#56B4E9",
        "#D55E00",
        "#F0E442",
        "#000000",
        "#8C564B",
        "#7F7F7F",
        "#BCBD22",
        "#17BECF",
    )
)
FONT_SIZE = 7
SWATCH = 8
AXIS_COLOUR = colors.HexColor("#444444")


def chart_for(table: LabelledTable, width: float, lang: str) -> Drawing | None:
    """The chart that goes with ``table``, or None (no chart, or nothing to draw)."""
    draw = {"cases_per_month": _per_month, "sex_age": _sex_age, "services_by_type": _services}.get(
        table.key
    )
    if draw is None:
        return None
    columns = [i for i, c in enumerate(table.columns) if c != TOTAL]
    rows = [row for row in table.rows if row.key != TOTAL]
    if not columns or not rows or not any(row.values[i] for row in rows for i in columns):
        return None
    return draw(table, rows, columns, width, lang)


def _series(rows, columns) -> list[list[float]]:
    return [[row.values[i] or 0 for row in rows] for i in columns]


def _step(top: float) -> float:
    """A round step (1, 2 or 5 times a power of ten, at least 1) giving 4 to 6 ticks."""
    raw = max(top / 6, 1)
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _value_axis(axis, top: float, lang: str, *, labelled: bool = False) -> None:
    if labelled:
        top *= 1.08  # room above the tallest bar for its number
    step = _step(top)
    axis.valueMin, axis.valueStep = 0, step
    axis.valueMax = max(step, math.ceil(top / step) * step)
    axis.labels.fontName, axis.labels.fontSize = BASE, FONT_SIZE
    axis.labelTextFormat = lambda v: number_text(round(v), lang)
    axis.strokeColor = AXIS_COLOUR
    axis.visibleGrid, axis.gridStrokeWidth = True, 0.25
    axis.gridStrokeColor = colors.HexColor("#CCCCCC")


def _legend_layout(names: list[str], width: float) -> tuple[int, float, float]:
    """(lines, column step, height) of a legend of ``names`` in as many columns as fit."""
    longest = max(text_width(n, FONT_SIZE) for n in names) + SWATCH + 12
    per_row = max(1, min(len(names), int(width // longest)))
    lines = math.ceil(len(names) / per_row)
    return lines, min(width / per_row, longest + 24), lines * (FONT_SIZE + 4)


def _legend(drawing: Drawing, names: list[str], width: float, y: float) -> None:
    """A legend of ``names`` with its top at ``y``."""
    lines, step, _height = _legend_layout(names, width)
    legend = Legend()
    # the stub types these int (from reportlab's defaults); reportlab takes any number
    legend.x, legend.y = 0, y  # type: ignore[assignment]
    legend.alignment = "right"
    legend.fontName, legend.fontSize = BASE, FONT_SIZE
    legend.columnMaximum, legend.deltax = lines, step  # type: ignore[assignment]
    legend.dx = legend.dy = SWATCH
    legend.deltay, legend.dxTextSpace = FONT_SIZE + 4, 4
    legend.boxAnchor = "nw"
    legend.strokeWidth, legend.strokeColor = 0, None
    legend.colorNamePairs = list(zip(PALETTE, names, strict=False))
    drawing.add(legend)


def _vertical(
    categories: list[str],
    series: list[list[float]],
    names: list[str],
    width: float,
    lang: str,
    *,
    stacked: bool,
) -> Drawing:
    many = len(categories) > 14
    every = max(1, math.ceil(len(categories) / 36))
    categories = [c if i % every == 0 else "" for i, c in enumerate(categories)]
    label_room = max(text_width(c, FONT_SIZE) for c in categories) + 6 if many else 14
    legend_height = _legend_layout(names, width)[2]
    plot_height = 150
    height = plot_height + label_room + legend_height + 24
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    # the stub types these int (from reportlab's defaults); reportlab takes any number
    chart.x, chart.y = 34, legend_height + label_room + 14  # type: ignore[assignment]
    chart.width, chart.height = width - chart.x - 4, plot_height  # type: ignore[assignment]
    chart.data = series
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontName = BASE
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    chart.categoryAxis.strokeColor = AXIS_COLOUR
    if many:
        chart.categoryAxis.labels.angle = 90
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dy = -2
    else:
        chart.categoryAxis.labels.boxAnchor = "n"
    top = (
        max(sum(column) for column in zip(*series, strict=True))
        if stacked
        else max(max(s) for s in series)
    )
    _value_axis(chart.valueAxis, top, lang, labelled=not stacked)
    if stacked:
        chart.categoryAxis.style = "stacked"
        chart.barSpacing = 0
        chart.groupSpacing = 4 if len(categories) < 40 else 1
    else:
        chart.barSpacing, chart.groupSpacing = 1, 8
        chart.barLabelFormat = lambda v: number_text(int(v), lang) if v else ""
        chart.barLabels.fontName, chart.barLabels.fontSize = BASE, FONT_SIZE - 1
        chart.barLabels.nudge = 5
    chart.bars.strokeWidth, chart.bars.strokeColor = 0, None
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(chart)
    _legend(drawing, names, width, legend_height + 2)
    return drawing


def _per_month(table, rows, columns, width, lang) -> Drawing:
    return _vertical(
        [month_label(row.key, lang, short=True) for row in rows],
        _series(rows, columns),
        [table.column_labels[i] for i in columns],
        width,
        lang,
        stacked=True,
    )


def _sex_age(table, rows, columns, width, lang) -> Drawing:
    return _vertical(
        [row.label for row in rows],
        _series(rows, columns),
        [table.column_labels[i] for i in columns],
        width,
        lang,
        stacked=False,
    )


def _services(table, rows, columns, width, lang) -> Drawing:
    rows = list(reversed(rows))  # the chart draws from the bottom up
    values = [row.values[columns[0]] or 0 for row in rows]
    labels = [_wrapped(row.label, width * 0.36) for row in rows]
    label_room = max(text_width(line, FONT_SIZE) for lab in labels for line in lab.split("\n"))
    bar = 18 if any("\n" in lab for lab in labels) else 12
    height = bar * len(rows) + 28
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    # the stub types these int (from reportlab's defaults); reportlab takes any number
    chart.x, chart.y = label_room + 8, 18  # type: ignore[assignment]
    chart.width, chart.height = width - chart.x - 24, bar * len(rows)
    chart.data = [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = BASE
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.leading = FONT_SIZE + 1
    chart.categoryAxis.tickLeft = 0
    chart.categoryAxis.strokeColor = AXIS_COLOUR
    _value_axis(chart.valueAxis, max(values), lang, labelled=True)
    chart.barSpacing, chart.groupSpacing = 0, 3
    chart.bars.strokeWidth, chart.bars.strokeColor = 0, None
    chart.bars[0].fillColor = PALETTE[0]
    chart.barLabelFormat = lambda v: number_text(int(v), lang) if v else ""
    chart.barLabels.fontName, chart.barLabels.fontSize = BASE, FONT_SIZE - 1
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 3
    drawing.add(chart)
    return drawing


def _wrapped(label: str, room: float) -> str:
    """``label`` on at most two lines no wider than ``room``; cut with an ellipsis."""
    if text_width(label, FONT_SIZE) <= room:
        return label
    chars = max(8, int(len(label) * room / text_width(label, FONT_SIZE)))
    lines = textwrap.wrap(label, chars)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), chars, placeholder="\u2026")]
    return "\n".join(lines)
