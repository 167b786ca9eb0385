"""``tipdesk report`` and ``tipdesk stats-export``, run in-process as a script would."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.conftest import run
from tipdesk.cli import main


@pytest.fixture
def demo(env, capsys):
    folder = env / "demo"
    assert run(capsys, "demo", folder, "--cases", "150", "--seed", "3")[0] == 0
    return folder


def period() -> tuple[str, str]:
    """The last year: the demo's cases are opened up to today."""
    today = dt.date.today()
    return (today - dt.timedelta(days=365)).isoformat(), today.isoformat()


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv"])
def test_report_writes_each_format(demo, capsys, env, fmt):
    start, end = period()
    out = env / f"laporan.{fmt}"
    code, text, err = run(
        capsys, "report", demo, "--from", start, "--to", end, "--format", fmt, "--out", out
    )
    assert code == 0, err
    assert text.strip() == f"Report written: {out}"
    if fmt == "pdf":
        first = PdfReader(out).pages[0].extract_text()
        assert "Statistical report (trafficking in persons)" in first  # TIPDESK_LANG=en
    elif fmt == "xlsx":
        assert load_workbook(out).sheetnames[:2] == ["Info", "Summary"]
    else:
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert {"table": "summary", "row": "handled", "column": "count"}.items() <= rows[1].items()
        assert int(rows[1]["value"]) > 0


def test_report_format_from_the_file_name_and_language_option(demo, capsys, env):
    start, end = period()
    out = env / "laporan.pdf"
    code, _, err = run(
        capsys, "report", demo, "--from", start, "--to", end, "--out", out, "--lang", "id"
    )
    assert code == 0, err
    assert "Laporan statistik TPPO" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"--office": "XYZ"}, "Office 'XYZ' was not found"),
        ({"--from": "2026-11-30", "--to": "2026-11-01"}, "--to: the period ends (2026-11-01)"),
        ({"--from": "2026-13-01"}, "--from: '2026-13-01' is not a date"),
    ],
)
def test_report_refusals_exit_3_with_one_line(demo, capsys, env, change, reason):
    start, end = period()
    options = {"--from": start, "--to": end, "--out": str(env / "laporan.csv"), **change}
    code, _, err = run(capsys, "report", demo, *(x for pair in options.items() for x in pair))
    assert code == 3
    assert reason in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (env / "laporan.csv").exists()


def test_report_with_an_unknown_format_option_is_a_usage_error(demo, env):
    start, end = period()
    with pytest.raises(SystemExit) as exit_:
        main(
            [
                "report",
                str(demo),
                "--from",
                start,
                "--to",
                end,
                "--format",
                "docx",
                "--out",
                str(env / "laporan.docx"),
            ]
        )
    assert exit_.value.code == 2


def test_report_refuses_an_unknown_format_and_an_existing_file(demo, capsys, env):
    start, end = period()
    code, _, err = run(
        capsys, "report", demo, "--from", start, "--to", end, "--out", env / "laporan.txt"
    )
    assert code == 3 and "Unknown report format 'txt'" in err
    existing = env / "laporan.pdf"
    existing.write_bytes(b"an older report")
    code, _, err = run(capsys, "report", demo, "--from", start, "--to", end, "--out", existing)
    assert code == 3 and "already exists" in err
    assert existing.read_bytes() == b"an older report"


def test_report_is_refused_to_a_caseworker(demo, capsys, env, monkeypatch):
    monkeypatch.setenv("TIPDESK_NEW_PASSWORD", "kata-sandi-ani-123")
    code, _, err = run(
        capsys, "users", "add", demo, "ani", "--role", "caseworker", "--user", "demo"
    )
    assert code == 0, err
    monkeypatch.setenv("TIPDESK_PASSWORD", "kata-sandi-ani-123")
    start, end = period()
    code, _, err = run(
        capsys,
        "report",
        demo,
        "--user",
        "ani",
        "--from",
        start,
        "--to",
        end,
        "--out",
        env / "laporan.csv",
    )
    assert code == 3 and "view_statistics" in err
    assert not (env / "laporan.csv").exists()


def counts(text: str) -> dict[str, int]:
    return {
        name: int(re.search(pattern, text, re.M).group(1))
        for name, pattern in {
            "exported": r"^Records exported: (\d+) \(k = 11\)$",
            "generalised": r"^Values generalised: (\d+)$",
            "suppressed": r"^Records suppressed \(left out\): (\d+)$",
            "without_consent": r"^Cases without consent to anonymous statistics \(left out\): "
            r"(\d+)$",
        }.items()
    }


def test_stats_export_prints_what_it_wrote(demo, capsys, env):
    out = env / "stats.csv"
    code, text, err = run(capsys, "stats-export", demo, "--out", out)
    assert code == 0, err
    assert text.splitlines()[0] == f"Statistics export written: {out}"
    found = counts(text)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["yearOfRegistration", "gender"]
    assert found["exported"] == len(rows) - 1 > 0
    assert found["without_consent"] > 0  # the demo leaves some consents out
    assert found["exported"] + found["suppressed"] + found["without_consent"] == 150


def test_stats_export_in_indonesian_and_its_refusals(demo, capsys, env, monkeypatch):
    monkeypatch.setenv("TIPDESK_LANG", "id")
    code, text, err = run(capsys, "stats-export", demo, "--out", env / "s.csv", "--k", "5")
    assert code == 0, err
    assert re.search(r"^Rekaman diekspor: \d+ \(k = 5\)$", text, re.M)
    assert "Kasus tanpa persetujuan masuk statistik anonim" in text
    code, _, err = run(capsys, "stats-export", demo, "--out", env / "s.csv")
    assert code == 3 and "sudah ada" in err
    code, _, err = run(capsys, "stats-export", demo, "--out", env / "t.csv", "--k", "1")
    assert code == 3 and "--k" in err
    assert not (env / "t.csv").exists()
