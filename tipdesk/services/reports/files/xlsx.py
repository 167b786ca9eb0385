"""The report as an Excel workbook: an "Info" sheet, then one sheet per table with the
translated column labels in row 1, the row labels in column A and the figures as numbers."""

from __future__ import annotations

import io

from tipdesk.services.reports.files.labels import INFO_SHEET, LabelledReport

MIN_WIDTH, MAX_LABEL_WIDTH, MAX_NUMBER_WIDTH = 10, 60, 24


def render_xlsx(report: LabelledReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    bold = Font(bold=True)
    book = Workbook()
    info = book.active
    assert isinstance(info, Worksheet)  # a new workbook's one sheet
    info.title = INFO_SHEET
    t = report.text
    info.append([report.title])
    info["A1"].font = Font(bold=True, size=13)
    for name, value in report.info:
        info.append([name, value])
    info.append([t["from"], report.period_from])
    info.append([t["to"], report.period_to])
    for cells in info.iter_rows(min_row=info.max_row - 1):
        cells[1].number_format = "yyyy-mm-dd"
        cells[1].alignment = Alignment(horizontal="left")
    info.append([])
    info.append([t["sheet"], t["table"]])
    for cell in info[info.max_row]:
        cell.font = bold
    names = _unique([table.sheet for table in report.tables])
    for name, table in zip(names, report.tables, strict=True):
        info.append([name, table.title])
        link = info.cell(row=info.max_row, column=1)
        link.hyperlink, link.style = f"#'{name}'!A1", "Hyperlink"
    listed = info.max_row  # (the notes below run on, wider than any column)
    notes = [table for table in report.tables if table.note]
    if notes:  # what each figure counts, where a table says it (the journey's)
        info.append([])
        info.append([t["notes"]])
        info[info.max_row][0].font = bold
        for table in notes:
            info.append([f"{table.title}: {table.note}"])
    info.append([])
    info.append([t["confidential"]])
    info.column_dimensions["A"].width = (
        max(len(str(c.value or "")) for c in info["A"][1:listed]) + 2
    )
    info.column_dimensions["B"].width = min(
        MAX_LABEL_WIDTH, max(len(str(c.value or "")) for c in info["B"]) + 2
    )

    for name, table in zip(names, report.tables, strict=True):
        sheet = book.create_sheet(name)
        sheet.append([table.row_heading, *table.column_labels])
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(
                wrap_text=True, vertical="top", horizontal="left" if cell.column == 1 else "right"
            )
        for row in table.rows:
            sheet.append([row.label, *row.values])
            if row.key == "total":
                for cell in sheet[sheet.max_row]:
                    cell.font = bold
        for cells in sheet.iter_rows(min_row=2, min_col=2):
            for cell in cells:
                if isinstance(cell.value, float):
                    cell.number_format = "0.0"
                elif isinstance(cell.value, int):
                    cell.number_format = "#,##0"
        sheet.freeze_panes = "B2"
        sheet.column_dimensions["A"].width = min(
            MAX_LABEL_WIDTH,
            max([len(table.row_heading), *(len(row.label) for row in table.rows)]) + 2,
        )
        for index, column_label in enumerate(table.column_labels, start=2):
            letter = sheet.cell(row=1, column=index).column_letter
            longest = max(
                (len(f"{row.values[index - 2]:,}") for row in table.rows if row.values[index - 2]),
                default=0,
            )
            sheet.column_dimensions[letter].width = max(
                MIN_WIDTH, min(MAX_NUMBER_WIDTH, max(len(column_label), longest) + 2)
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _unique(names: list[str]) -> list[str]:
    """Sheet names made unique (Excel compares them without regard to case)."""
    seen = {INFO_SHEET.lower()}
    out = []
    for name in names:
        candidate, n = name, 2
        while candidate.lower() in seen:
            suffix = f" ({n})"
            candidate, n = name[: 31 - len(suffix)] + suffix, n + 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out
