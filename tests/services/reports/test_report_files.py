"""Report files (issue 7): the PDF, XLSX and CSV read back hold the report's own numbers
under translated words."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.helpers import FAST_KDF, PASSWORD, TODAY, add_account, copy_register, sign_in
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotPermitted, OutputExists, ReportFormatUnknown
from tipdesk.domain.regions import wilayah_name
from tipdesk.domain.reports import TABLES, table_title
from tipdesk.services import letters
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import create_register, open_register
from tipdesk.services.reports import build_report
from tipdesk.services.reports.files import labelled_report, write_report

START, END = dt.date(2025, 12, 1), dt.date(2026, 11, 30)
PERIOD_ID = "1 Desember 2025 \u2013 30 November 2026"
PERIOD_EN = "1 December 2025 \u2013 30 November 2026"
# Tables whose every row is checked line by line in the PDF text.
CHECKED_IN_PDF = (
    "summary",
    "sex_age",
    "exploitation",
    "origin_province",
    "services_by_type",
    "cases_per_month",
    "referral_reply",
)


@pytest.fixture(scope="module")
def demo_made(tmp_path_factory, register_template):
    """A register (closed) with 600 demo cases (enough regencies to run over a page)."""
    folder = copy_register(register_template.folder, tmp_path_factory.mktemp("report-files"))
    with sign_in(folder, "admin") as s:
        add_demo_cases(s, 600, seed=7, reference=TODAY)
    return folder


@pytest.fixture
def demo(tmp_path, demo_made):
    """A copy of ``demo_made`` of the test's own, signed in as its admin."""
    with sign_in(copy_register(demo_made, tmp_path), "admin") as s:
        yield s


@pytest.fixture
def report(demo):
    made = build_report(demo, START, END)
    assert made.tables["summary"].value("handled") > 100  # a real register to report on
    return made


def cells(report):
    return {
        (table.key, row.key, column): value
        for table in report.tables.values()
        for row in table.rows
        for column, value in zip(table.columns, row.values, strict=True)
    }


def pdf_lines(path: Path) -> tuple[list[str], list[str]]:
    """The text of every page, laid out as printed, and all its non-empty lines."""
    pages = [page.extract_text(extraction_mode="layout") for page in PdfReader(path).pages]
    return pages, [line.strip() for page in pages for line in page.splitlines() if line.strip()]


def id_number(text: str) -> float | int | None:
    """``1.234`` -> 1234, ``5,0`` -> 5.0, ``–`` -> None (Indonesian figures)."""
    if text == "\u2013":
        return None
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    return int(text.replace(".", ""))


# --- CSV --------------------------------------------------------------------------------


def test_csv_has_one_line_per_cell_with_the_reports_values_and_labels(demo, report, tmp_path):
    out = write_report(demo, report, tmp_path / "laporan.csv", "csv")
    assert out == tmp_path / "laporan.csv"
    with out.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == [
        "table",
        "row",
        "column",
        "value",
        "table_label",
        "row_label",
        "column_label",
    ]
    expected = cells(report)
    found = {}
    for table, row, column, value, table_label, row_label, column_label in lines[1:]:
        found[(table, row, column)] = (
            None if value == "" else float(value) if "." in value else int(value)
        )
        assert table_label == table_title(table, "id")
        assert row_label and column_label
    assert found == expected
    assert len(lines) - 1 == len(expected)
    rows = {(line[0], line[1], line[2]): line for line in lines[1:]}
    assert rows[("summary", "new_cases", "count")][5:] == ["Kasus baru", "Jumlah"]
    assert rows[("sex_age", "25-44", "female")][5:] == ["25\u201344 tahun", "Perempuan"]
    month = next(key for key in rows if key[0] == "cases_per_month" and key[1] == "2026-11")
    assert rows[month][5] == "November 2026"
    assert rows[("origin_province", "53", "count")][5] == wilayah_name("53")


def test_csv_leaves_a_missing_figure_empty(session, tmp_path):
    empty = build_report(session, START, END)  # no replies: no median
    assert empty.tables["referral_reply"].value("median_reply_days") is None
    out = write_report(session, empty, tmp_path / "kosong.csv", "csv")
    line = next(
        line
        for line in out.read_text("utf-8").splitlines()
        if line.startswith("referral_reply,median_reply_days,")
    )
    assert line.split(",")[3] == ""


# --- XLSX -------------------------------------------------------------------------------


def test_xlsx_has_an_info_sheet_and_a_sheet_per_table_with_the_numbers_as_numbers(
    demo, report, tmp_path
):
    out = write_report(demo, report, tmp_path / "laporan.xlsx", "xlsx")
    book = load_workbook(out)
    assert book.sheetnames[0] == "Info"
    info = [tuple(row) for row in book["Info"].iter_rows(values_only=True)]
    assert ("Kantor", "UPTD PPA Kota Kupang (KUP)") in info
    assert ("Periode", PERIOD_ID) in info
    assert any(row[0] == "Dibuat" and row[1] for row in info)
    names = book.sheetnames[1:]
    assert len(names) == len(report.tables) == len(set(n.lower() for n in names))
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)
    # The Info sheet says which sheet holds which table.
    listed = {row[0]: row[1] for row in info if row[0] in names}
    assert list(listed.values()) == [table_title(key, "id") for key in report.tables]
    words = labelled_report(demo, report, "id")
    for name, table, labelled in zip(names, report.tables.values(), words.tables, strict=True):
        sheet = book[name]
        grid = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert grid[0][1:] == list(labelled.column_labels)
        assert [row[0] for row in grid[1:]] == [row.label for row in labelled.rows]
        assert [tuple(row[1:]) for row in grid[1:]] == [row.values for row in table.rows]
        for row in sheet.iter_rows(min_row=2, min_col=2):
            for cell in row:
                assert cell.value is None or type(cell.value) in (int, float)
                assert cell.data_type == "n"
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.freeze_panes == "B2"
        assert sheet.column_dimensions["A"].width >= max(len(row[0]) for row in grid) - 2
    assert book[names[0]]["A2"].value == "Kasus baru"
    assert book[names[0]]["B2"].value == report.tables["summary"].value("new_cases")


# --- PDF --------------------------------------------------------------------------------


def test_pdf_shows_the_heading_every_table_and_each_rows_numbers_on_its_line(
    demo, report, tmp_path
):
    letters.save_letter_settings(
        demo,
        r.LetterSettings(
            letterhead=["PEMERINTAH KOTA KUPANG", "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK"],
            address_lines=["Jl. Soeharto No. 57, Kupang"],
            city="Kupang",
            signatory_title="Kepala UPTD PPA",
            signatory_name="Yuliana Ndolu",
        ),
    )
    out = write_report(demo, report, tmp_path / "laporan.pdf", "pdf")
    assert out.read_bytes().startswith(b"%PDF")
    pages, lines = pdf_lines(out)
    first = pages[0]
    for text in (
        "PEMERINTAH KOTA KUPANG",
        "Jl. Soeharto No. 57, Kupang",
        "Laporan statistik TPPO",
        "UPTD PPA Kota Kupang (KUP)",
        PERIOD_ID,
        "Dibuat",
    ):
        assert text in first
    assert "PEMERINTAH KOTA KUPANG" not in "".join(pages[1:])  # letterhead: first page only
    total = len(pages)
    assert total > 2
    for n, page in enumerate(pages, start=1):
        assert f"Halaman {n} dari {total}" in page
    words = labelled_report(demo, report, "id")
    headings = [lines.index(table.title) for table in words.tables]  # each title, in order
    assert headings == sorted(headings)
    for number, table in enumerate(words.tables):
        if table.key not in CHECKED_IN_PDF:
            continue
        end = headings[number + 1] if number + 1 < len(headings) else len(lines)
        part = lines[headings[number] : end]
        for row in table.rows:
            pattern = re.compile(re.escape(row.label) + r"((?:\s+(?:[\d.,]+|\u2013))+)$")
            found = [m for m in map(pattern.fullmatch, part) if m]
            assert found, (table.key, row.label)
            assert [id_number(v) for v in found[0].group(1).split()] == list(row.values)


def test_pdf_draws_the_three_charts_and_flows_long_tables_with_their_header(demo, report, tmp_path):
    out = write_report(demo, report, tmp_path / "laporan.pdf", "pdf")
    pages, lines = pdf_lines(out)
    for n, key in enumerate(("sex_age", "services_by_type", "cases_per_month"), start=1):
        assert f"Gambar {n}. {table_title(key, 'id')}" in lines
    # The regencies of origin run over a page: the header row is printed again.
    regencies = len(report.tables["origin_regency"].rows)
    assert regencies > 30  # enough to run over a page (checked just below)
    heads = [page for page in pages if re.search(r"^\s*Kabupaten/kota\s+Jumlah$", page, re.M)]
    assert len(heads) >= 2
    assert all(label in "".join(pages) for label in ("Nov 26", "Perempuan", "Laki-laki"))


def test_an_english_report_has_english_words_everywhere(demo, report, tmp_path):
    pdf = write_report(demo, report, tmp_path / "report.pdf", "pdf", lang="en")
    pages, lines = pdf_lines(pdf)
    text = "\n".join(pages)
    for key in report.tables:
        assert table_title(key, "en") in lines
    assert "Statistical report (trafficking in persons)" in pages[0]
    assert PERIOD_EN in pages[0] and "Generated" in pages[0]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "Figure 3. New cases per month by type of exploitation" in lines
    for indonesian in (
        "Halaman",
        "Jumlah",
        "Laporan",
        "Kasus baru",
        "Perempuan",
        "Gambar",
        "tahun",
        "Desember",
    ):
        assert indonesian not in text
    assert re.search(
        r"^\s*New cases\s+" + str(report.tables["summary"].value("new_cases")) + "$", text, re.M
    )
    book = load_workbook(write_report(demo, report, tmp_path / "report.xlsx", "xlsx", lang="en"))
    assert book.sheetnames[:3] == ["Info", "Summary", "Sex and age group"]
    assert book["Summary"]["A1"].value == "Item" and book["Summary"]["B1"].value == "Count"
    assert book["Sex and age group"]["A2"].value.endswith(" years")
    lines = (
        write_report(demo, report, tmp_path / "report.csv", "csv", lang="en")
        .read_text("utf-8")
        .splitlines()
    )
    assert (
        "summary,new_cases,count,{},Summary,New cases,Count".format(
            report.tables["summary"].value("new_cases")
        )
        in lines
    )


def test_a_province_report_names_its_offices(tmp_path):
    office = r.Office(code="NTT", name="Dinas P3A Provinsi NTT", level="province", region_code="53")
    created = create_register(
        tmp_path / "ntt", office, r.User(username="admin", role="admin"), PASSWORD, kdf=FAST_KDF
    )
    with open_register(created.folder, "admin", PASSWORD) as session:
        session.today = lambda: TODAY
        add_demo_cases(session, 80, seed=2, reference=TODAY)
        report = build_report(session, START, END)
        book = load_workbook(write_report(session, report, tmp_path / "ntt.xlsx", "xlsx"))
        pages, _ = pdf_lines(write_report(session, report, tmp_path / "ntt.pdf", "pdf"))
    sheet = book["Per kantor"]
    assert [c.value for c in sheet["A"]] == ["Kantor", "Dinas P3A Provinsi NTT", "Total"]
    row = report.tables["by_office"].rows[0]
    assert [c.value for c in sheet[2][1:]] == list(row.values)
    assert "Semua kantor" in pages[0]
    assert re.search(
        r"^\s*Dinas P3A Provinsi NTT\s+"
        + r"\s+".join(f"{v:,}".replace(",", ".") for v in row.values)
        + "$",
        "\n".join(pages),
        re.M,
    )


# --- refusals and files -----------------------------------------------------------------


def test_an_existing_file_and_an_unknown_format_are_refused_and_nothing_is_left_behind(
    demo, report, tmp_path
):
    out = tmp_path / "laporan.pdf"
    out.write_bytes(b"keep me")
    with pytest.raises(OutputExists):
        write_report(demo, report, out, "pdf")
    assert out.read_bytes() == b"keep me"
    with pytest.raises(ReportFormatUnknown):
        write_report(demo, report, tmp_path / "laporan.docx", "docx")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["laporan.pdf"]
    write_report(demo, report, out, "pdf", overwrite=True)
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["laporan.pdf"]


def test_a_caseworker_cannot_write_a_report(demo, report, tmp_path):
    add_account(demo, "ani", "caseworker")
    with sign_in(demo.folder, "ani") as ani, pytest.raises(NotPermitted):
        write_report(ani, report, tmp_path / "laporan.csv", "csv")
    assert not (tmp_path / "laporan.csv").exists()


def test_loading_the_module_does_not_load_reportlab_or_openpyxl():
    code = (
        "import sys, tipdesk.services.reports.files;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'openpyxl'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_every_table_has_a_sheet_name():
    from tipdesk.services.reports.files.labels import SHEET_NAMES

    assert set(SHEET_NAMES) == set(TABLES)
    for lang in (0, 1):
        names = [pair[lang] for pair in SHEET_NAMES.values()]
        assert len({n.lower() for n in names}) == len(names)
        assert all(len(n) <= 31 for n in names)


def test_labels_do_not_change_the_numbers(demo, report):
    words = labelled_report(demo, report, "en")
    assert [row.values for t in words.tables for row in t.rows] == [
        row.values for t in report.tables.values() for row in t.rows
    ]


@pytest.mark.parametrize("width", [481.9, 300.0])  # the A4 page's text width, and narrower
def test_pdf_chart_legends_fit_their_drawing_in_indonesian(demo, report, width):
    from reportlab.graphics.charts.legends import Legend

    from tipdesk.services.reports.files.charts import chart_for

    words = labelled_report(demo, report, "id")
    legends = 0
    for table in words.tables:
        drawing = chart_for(table, width, "id")
        for legend in [c for c in (drawing.contents if drawing else []) if isinstance(c, Legend)]:
            legends += 1
            left, bottom, right, top = legend.getBounds()
            assert left >= 0 and right <= drawing.width, table.key
            assert bottom >= 0 and top <= drawing.height, table.key
            names = [name for _, name in legend.colorNamePairs]
            assert "Perhambaan dalam rumah tangga" in names or "Perempuan" in names
    assert legends == 2  # new cases by type of exploitation; victims by sex
