"""The case journey's figures in reports (issue 22): each checked against counts the test
makes itself from the journey rows, in the report, the drill-down, the CSV, XLSX and PDF
cells; odd stored values neither crash nor skew them; the anonymised export adds only the
coarse legal stage and restitution flag and stays k-anonymous with them."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.helpers import demo_register, new_case, new_register, sign_in
from tipdesk.domain import records as r
from tipdesk.domain import reports as d
from tipdesk.services import reports
from tipdesk.services.casework import journey
from tipdesk.services.reports import stats_export
from tipdesk.services.reports.files import labelled_report, write_report

START, END = dt.date(2026, 1, 1), dt.date(2026, 11, 30)
# The definitions the report prints (domain/reports.py JOURNEY_NOTES), written out here.
PROSECUTION = {"handed_to_prosecutor", "indictment", "demand"}
VERDICT = {"verdict", "appeal", "cassation", "final", "execution"}
COURT = "Pengadilan Negeri Kupang"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return demo_register(tmp_path_factory.mktemp("journey-report") / "register", 900, seed=11)


@pytest.fixture
def session(demo):
    with sign_in(demo, "admin") as s:
        yield s


def _day(text):
    """A stored date that exists, else None (as the app reads it)."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _within(text, start=START, end=END):
    day = _day(text)
    return day is not None and start <= day <= end


def _rows(session, table):
    return list(session.db.query(f"SELECT * FROM {table} WHERE deleted = 0"))


def expected_figures(session, start=START, end=END):
    """Every journey figure of the period, worked out in Python from the rows."""
    cases = {c["id"]: c for c in _rows(session, "cases")}
    handled = {
        i
        for i, c in cases.items()
        if c["opened_on"] <= end.isoformat()
        and (c["closed_on"] is None or c["closed_on"] >= start.isoformat())
    }
    reached = collections.defaultdict(set)
    for step in _rows(session, "legal_steps"):
        day = _day(step["step_on"])
        if step["case_id"] in handled and day is not None and day <= end:
            if step["kind"] == "police_report":
                reached["police_report"].add(step["case_id"])
            if step["kind"] in PROSECUTION:
                reached["prosecution"].add(step["case_id"])
            if step["kind"] in VERDICT:
                reached["verdict"].add(step["case_id"])
                if step["outcome"] == "convicted":
                    reached["convicted"].add(step["case_id"])
    reached["prosecution"] -= reached["verdict"]
    figures = {k: (len(v), 0) for k, v in reached.items()}
    behind = {k: set(v) for k, v in reached.items()}

    def add(key, case_id, amount=None):
        count, total = figures.get(key, (0, 0))
        ok = isinstance(amount, int) and amount >= 0
        figures[key] = (count + 1, total + (amount if ok else 0))
        behind.setdefault(key, set()).add(case_id)

    for claim in _rows(session, "restitution"):
        if claim["case_id"] not in handled:
            continue
        for key, day, amount in (
            ("restitution_requested", "requested_on", "requested_amount"),
            ("restitution_assessed", "lpsk_assessed_on", "lpsk_assessed_amount"),
            ("restitution_awarded", "awarded_on", "awarded_amount"),
            ("restitution_paid", "paid_on", "paid_amount"),
        ):
            if _within(claim[day], start, end):
                add(key, claim["case_id"], claim[amount])
    for request in _rows(session, "lpsk_requests"):
        if request["case_id"] not in handled:
            continue
        if _within(request["requested_on"], start, end):
            add("lpsk_requested", request["case_id"])
        decided = request["decision"] in ("granted", "partly_granted", "refused")
        if decided and _within(request["decided_on"], start, end):
            add(f"lpsk_{request['decision']}", request["case_id"])
    for back in _rows(session, "returns"):
        done = back["handover_on"] if _day(back["handover_on"]) else back["arrived_on"]
        if back["case_id"] in handled and _within(done, start, end):
            add("returns_completed", back["case_id"])
    incidents = {i["id"]: i["incident_number"] for i in _rows(session, "incidents")}
    victims = collections.Counter(
        incidents[cases[i]["incident_id"]] for i in handled if cases[i]["incident_id"] in incidents
    )
    numbers = {i: c["case_number"] for i, c in cases.items()}
    return figures, {k: {numbers[i] for i in v} for k, v in behind.items()}, victims


def journey_cells(report):
    """(table, row, column) -> value of the journey's tables."""
    return {
        (key, row.key, column): value
        for key in (*d.JOURNEY_ROWS, "victims_by_incident")
        for row in report.tables[key].rows
        for column, value in zip(report.tables[key].columns, row.values, strict=True)
    }


def test_the_journey_figures_match_counts_made_from_the_rows(session):
    figures, _, victims = expected_figures(session)
    report = reports.build_report(session, START, END)
    for table, rows in d.JOURNEY_ROWS.items():
        for row in rows:
            count, rupiah = figures.get(row, (0, 0))
            assert report.tables[table].value(row) == count, row
            if table == "restitution":
                assert report.tables[table].value(row, d.RUPIAH) == rupiah, row
    # the demo's criminal cases reach every stage, and some restitution is paid
    assert all(figures[k][0] > 0 for k in ("police_report", "verdict", "convicted"))
    assert figures["restitution_paid"][1] > 0
    incident = report.tables["victims_by_incident"]
    assert {row.key: row.values[0] for row in incident.rows} == {
        **victims,
        d.TOTAL: sum(victims.values()),
    }
    assert sum(victims.values()) > 0


def test_a_month_counts_only_what_happened_in_it(session):
    start, end = dt.date(2026, 6, 1), dt.date(2026, 6, 30)
    figures, _, _ = expected_figures(session, start, end)
    report = reports.build_report(session, start, end)
    restitution = report.tables["restitution"]
    for row in d.JOURNEY_ROWS["restitution"]:
        assert restitution.value(row) == figures.get(row, (0, 0))[0]
        assert restitution.value(row, d.RUPIAH) == figures.get(row, (0, 0))[1]
    assert (
        report.tables["protection_return"].value("returns_completed")
        == (figures.get("returns_completed", (0, 0))[0])
    )


@pytest.mark.parametrize(
    ("table", "row"),
    [
        ("legal_process", "convicted"),
        ("legal_process", "prosecution"),
        ("restitution", "restitution_paid"),
        ("protection_return", "lpsk_refused"),
    ],
)
def test_the_cases_behind_a_journey_figure_are_the_ones_it_counts(session, table, row):
    _, behind, _ = expected_figures(session)
    found = reports.cases_behind(session, START, END, table, row, limit=100_000)
    assert {c.case_number for c in found} == behind[row]
    assert found


def test_the_csv_and_xlsx_hold_the_journey_cells(session, tmp_path):
    report = reports.build_report(session, START, END)
    expected = journey_cells(report)
    out = write_report(session, report, tmp_path / "laporan.csv", "csv")
    with out.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    found = {
        (t, row, column): int(value)
        for t, row, column, value, *_ in lines[1:]
        if (t, row, column) in expected
    }
    assert found == expected
    labels = {(line[0], line[1], line[2]): line[5:] for line in lines[1:]}
    assert labels[("restitution", "restitution_paid", "rupiah")] == [
        "Restitusi dibayar",
        "Jumlah (Rp)",
    ]
    out = write_report(session, report, tmp_path / "laporan.xlsx", "xlsx")
    book = load_workbook(out)
    sheet = book["Restitusi"]
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert grid[0] == ["Uraian", "Jumlah", "Jumlah (Rp)"]
    assert grid[4] == [
        "Restitusi dibayar",
        expected[("restitution", "restitution_paid", "count")],
        expected[("restitution", "restitution_paid", "rupiah")],
    ]
    assert sheet["C5"].number_format == "#,##0"
    info = [row[0] for row in book["Info"].iter_rows(values_only=True) if row[0]]
    assert any(str(line).startswith("Proses pidana: Dari kasus yang ditangani") for line in info)


def test_the_pdf_prints_the_journey_figures_with_indonesian_thousands(session, tmp_path):
    report = reports.build_report(session, START, END)
    out = write_report(session, report, tmp_path / "laporan.pdf", "pdf")
    text = "\n".join(page.extract_text(extraction_mode="layout") for page in PdfReader(out).pages)
    lines = [line.strip() for line in text.splitlines()]
    for row in d.JOURNEY_ROWS["restitution"]:
        count, rupiah = (
            report.tables["restitution"].rows[d.JOURNEY_ROWS["restitution"].index(row)].values
        )
        printed = f"{d.word(row, 'id')} {count:,} {rupiah:,}".replace(",", ".")
        assert any(re.sub(r"\s+", " ", line) == printed for line in lines), printed
    paid = report.tables["restitution"].value("restitution_paid", d.RUPIAH)
    assert paid >= 1_000_000 and f"{paid:,}".replace(",", ".") in text
    for row in d.JOURNEY_ROWS["legal_process"]:
        value = report.tables["legal_process"].value(row)
        assert any(re.sub(r"\s+", " ", line) == f"{d.word(row, 'id')} {value}" for line in lines)
    assert "Korban per kejadian (penggerebekan, deportasi)" in text
    words = labelled_report(session, report, "id")
    note = next(t.note for t in words.tables if t.key == "restitution")
    assert note.startswith("Permohonan restitusi kasus yang ditangani")


# --- a register made through the services, with odd stored values ----------------------------


def _add(session, record):
    assert journey.add_record(session, record) == []
    return record


def test_known_records_and_odd_values_count_as_defined(tmp_path):
    created = new_register(tmp_path / "small")
    with sign_in(created.folder, "admin") as s:
        files = [new_case(s, opened_on=dt.date(2026, 3, 2)) for _ in range(6)]
        a, b, c, e, _, g = (file.case.id for file in files)
        # a: police report and a conviction; b: indicted, no verdict; c: police report
        # after the period (not counted); e: an acquittal; the fifth: nothing; g: odd values
        _add(s, r.LegalStep(case_id=a, kind="police_report", step_on=dt.date(2026, 3, 5)))
        _add(
            s,
            r.LegalStep(
                case_id=a,
                kind="verdict",
                step_on=dt.date(2026, 9, 1),
                outcome="convicted",
                authority=COURT,
            ),
        )
        _add(s, r.LegalStep(case_id=b, kind="police_report", step_on=dt.date(2026, 3, 9)))
        _add(s, r.LegalStep(case_id=b, kind="indictment", step_on=dt.date(2026, 6, 9)))
        _add(s, r.LegalStep(case_id=c, kind="police_report", step_on=dt.date(2026, 11, 20)))
        _add(
            s,
            r.LegalStep(
                case_id=e,
                kind="verdict",
                step_on=dt.date(2026, 5, 1),
                outcome="acquitted",
                authority=COURT,
            ),
        )
        _add(
            s,
            r.Restitution(
                case_id=a,
                requested_on=dt.date(2026, 4, 1),
                requested_amount=150_000_000,
                awarded_on=dt.date(2026, 9, 1),
                awarded_amount=90_000_000,
                paid_on=dt.date(2026, 10, 15),
                paid_amount=45_500_000,
            ),
        )
        _add(
            s,
            r.Restitution(case_id=b, requested_on=dt.date(2026, 7, 1), requested_amount=25_000_000),
        )
        odd = _add(
            s, r.Restitution(case_id=g, requested_on=dt.date(2026, 7, 2), requested_amount=1)
        )
        _add(
            s,
            r.LpskRequest(
                case_id=a,
                requested_on=dt.date(2026, 4, 2),
                protection_types=["physical_protection"],
                decision="granted",
                decided_on=dt.date(2026, 5, 2),
            ),
        )
        weird = _add(
            s,
            r.LpskRequest(
                case_id=g, requested_on=dt.date(2026, 4, 3), protection_types=["medical_aid"]
            ),
        )
        _add(
            s,
            r.Return(
                case_id=e,
                escort="family",
                arrived_on=dt.date(2026, 8, 1),  # no handover date: the arrival counts
            ),
        )
        # Values the app would refuse, stored all the same (a damaged batch).
        s.db.execute(
            "UPDATE restitution SET requested_amount = -5, paid_on = '2026-02-30', "
            "paid_amount = 7 WHERE id = ?",
            [odd.id],
        )
        s.db.execute(
            "UPDATE lpsk_requests SET decision = 'oops', decided_on = '2026-05-09' WHERE id = ?",
            [weird.id],
        )
        s.db.execute(
            "INSERT INTO legal_steps (id, origin, rev, updated_at, updated_by, case_id, kind, "
            "step_on) SELECT 'odd-step', origin, rev, updated_at, updated_by, ?, 'verdict', "
            "'not a date' "
            "FROM legal_steps LIMIT 1",
            [g],
        )
        report = reports.build_report(s, dt.date(2026, 1, 1), dt.date(2026, 10, 31))
        cells = journey_cells(report)
        figures, _, _ = expected_figures(s, dt.date(2026, 1, 1), dt.date(2026, 10, 31))
    assert {k[1]: v for k, v in cells.items() if k[2] == d.COUNT} == {
        "police_report": 2,
        "prosecution": 1,
        "verdict": 2,
        "convicted": 1,
        "restitution_requested": 3,
        "restitution_assessed": 0,
        "restitution_awarded": 1,
        "restitution_paid": 1,
        "lpsk_requested": 2,
        "lpsk_granted": 1,
        "lpsk_partly_granted": 0,
        "lpsk_refused": 0,
        "returns_completed": 1,
        d.TOTAL: 0,
    }
    assert cells[("restitution", "restitution_requested", d.RUPIAH)] == 175_000_000
    assert cells[("restitution", "restitution_awarded", d.RUPIAH)] == 90_000_000
    assert cells[("restitution", "restitution_paid", d.RUPIAH)] == 45_500_000
    # the test's own reading of the rows agrees, odd values and all
    for key, (count, rupiah) in figures.items():
        table = next(t for t, rows in d.JOURNEY_ROWS.items() if key in rows)
        assert cells[(table, key, d.COUNT)] == count
        if table == "restitution":
            assert cells[(table, key, d.RUPIAH)] == rupiah


# --- the anonymised export --------------------------------------------------------------


def test_the_export_has_the_coarse_journey_fields_and_no_group_below_k(session, tmp_path):
    out = tmp_path / "stats.csv"
    result = stats_export.export_stats(session, out, k=5)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == result.exported > 0
    assert {row["legalStage"] for row in rows} <= {"none", "police", "prosecution", "verdict", ""}
    assert {row["restitution"] for row in rows} <= {"yes", "no", ""}
    assert {"verdict", "none"} <= {row["legalStage"] for row in rows}
    assert "yes" in {row["restitution"] for row in rows}
    groups = collections.Counter(
        tuple(row[q] for q in stats_export.QUASI_IDENTIFIER_HEADERS) for row in rows
    )
    assert min(groups.values()) >= 5
    # nothing finer: no date, amount or step kind of the journey
    text = out.read_text(encoding="utf-8")
    assert "police_report" not in text and "convicted" not in text


def test_a_case_alone_in_reaching_a_verdict_is_not_exported_as_such(tmp_path):
    created = new_register(tmp_path / "small")
    with sign_in(created.folder, "admin") as s:
        files = [new_case(s, consent_statistics=True) for _ in range(11)]
        # Alike in every other field: the verdict and the claim alone set one apart.
        _add(
            s,
            r.LegalStep(
                case_id=files[0].case.id,
                kind="verdict",
                step_on=dt.date(2026, 10, 20),
                outcome="convicted",
                authority=COURT,
            ),
        )
        _add(
            s,
            r.Restitution(
                case_id=files[0].case.id,
                requested_on=dt.date(2026, 10, 21),
                requested_amount=10_000_000,
            ),
        )
        result = stats_export.export_stats(s, tmp_path / "out.csv", k=5)
    assert (result.exported, result.suppressed) == (10, 1)
    with (tmp_path / "out.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(row["legalStage"], row["restitution"]) for row in rows} == {("none", "no")}
