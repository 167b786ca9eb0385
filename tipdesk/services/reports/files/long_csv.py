"""The report as long-format CSV for scripts: one line per cell, keys then labels."""

from __future__ import annotations

import csv
import io

from tipdesk.services.reports.files.labels import LabelledReport, Number

HEADER = ("table", "row", "column", "value", "table_label", "row_label", "column_label")


def render_csv(report: LabelledReport) -> bytes:
    """UTF-8 CSV; a value of None (no figure) is an empty field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for table in report.tables:
        for row in table.rows:
            for column, column_label, value in zip(
                table.columns, table.column_labels, row.values, strict=True
            ):
                writer.writerow(
                    (
                        table.key,
                        row.key,
                        column,
                        _value(value),
                        table.title,
                        row.label,
                        column_label,
                    )
                )
    return buffer.getvalue().encode("utf-8")


def _value(value: Number) -> str:
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)
