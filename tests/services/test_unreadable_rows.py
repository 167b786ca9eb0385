"""A register that already holds values the app cannot read or would refuse (taken in
before import checked them, DESIGN.md section 5b): ``check`` names each record and field
and fails; every command and every screen's data call still works, shows the other
cases, and marks the damaged one."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from tests.bad_rows import LABELS, PLANTS, planted_register
from tests.cli.conftest import run
from tests.helpers import PASSWORD, add_account, cli_environment, sign_in
from tipdesk.domain import records as r
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.services import reports
from tipdesk.services.casework import cases, listing, privacy
from tipdesk.services.check import check_register
from tipdesk.storage import rows

FROM, TO = dt.date(2000, 1, 1), dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    return planted_register(tmp_path_factory.mktemp("unreadable"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The same demo register with nothing planted, to compare figures with."""
    return planted_register(tmp_path_factory.mktemp("clean"), plants={})


@pytest.fixture
def env(monkeypatch, tmp_path):
    cli_environment(monkeypatch, tmp_path, user="admin")
    return tmp_path


@pytest.fixture
def session(planted):
    with sign_in(planted.folder, "admin") as s:
        yield s


def test_labels_the_tests_expect_are_the_apps():
    from tipdesk.domain.messages import field_label

    assert {name: field_label(name, "en") for name in LABELS} == LABELS


# --- check ---------------------------------------------------------------------------------


def test_check_names_each_record_and_field_and_fails(planted, env, capsys):
    code, out, err = run(capsys, "check", planted.folder)
    assert code == 3, err
    assert "FAILED records" in out and "restore from a backup" not in err
    assert "cannot be read" in err
    for check in ("pages", "structure", "foreign_keys", "search_index", "audit_trail"):
        assert f"ok     {check}" in out
    lines = [line.strip() for line in out.splitlines() if line.startswith("    ")]
    for name, plant in PLANTS.items():
        found = [line for line in lines if planted.record_of[name] in line]
        assert len(found) == 1, name
        assert found[0].startswith(f"{plant.table} {planted.record_of[name]} "), found
        assert f"(case {planted.case_of[name]})" in found[0]
        assert f"{plant.field} {plant.code}" in found[0]
    assert len(lines) == len(PLANTS)
    # Never the value: it may be personal.
    for value in ("1990-00-00", "2024-02-30", "oops", "xxxxxxxx", "Ana", "4611686018427387904"):
        assert value not in out + err


def test_check_of_an_untouched_register_passes(clean, env, capsys):
    code, out, err = run(capsys, "check", clean.folder)
    assert code == 0, out + err
    assert "ok     records" in out


def test_the_records_check_reads_the_tables_a_chunk_at_a_time(planted, monkeypatch):
    from tipdesk.storage import integrity

    sizes: list[int] = []
    real = integrity.rows_in_chunks

    def spy(db, table, *, chunk=2000):
        for rows_ in real(db, table, chunk=7):
            sizes.append(len(rows_))
            yield rows_

    monkeypatch.setattr(integrity, "rows_in_chunks", spy)
    with sign_in(planted.folder, "admin") as s:
        found = check_register(s).checks["records"]
    assert max(sizes) == 7 and len(sizes) > 10
    assert len(found) == len(PLANTS)


# --- the command line ----------------------------------------------------------------------


def test_search_lists_every_case_and_marks_the_damaged_ones(planted, env, capsys):
    code, out, err = run(capsys, "search", planted.folder, "KUP", "--json", "--limit", "500")
    assert code == 0, err
    found = {row["case_number"]: row for row in json.loads(out)}
    assert set(planted.others) <= set(found)
    assert set(planted.case_of.values()) <= set(found)
    for number in planted.others:
        assert found[number]["unreadable"] == [], number
    for name, plant in PLANTS.items():
        row = found[planted.case_of[name]]
        assert row["unreadable"] == ([plant.field] if plant.listed else []), name
    assert found[planted.case_of["day_zero"]]["birth_date"] is None
    assert found[planted.case_of["broken_list"]]["exploitation_types"] == []
    # A text that breaks a rule is still a text: kept as stored (a save never drops it).
    assert found[planted.case_of["nul_in_name"]]["full_name"] == "Ana\x00Bria"
    assert found[planted.case_of["long_name"]]["full_name"] == "x" * 999

    code, out, err = run(capsys, "search", planted.folder, "KUP", "--limit", "500")
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith(planted.case_of["day_zero"]))
    assert line.endswith("[cannot be read: Birth date]")
    assert all(
        "cannot be read" not in x for x in out.splitlines() if x.split()[0] in planted.others
    )


def test_show_prints_the_rest_and_names_the_unreadable_fields(planted, env, capsys):
    for name, plant in PLANTS.items():
        number = planted.case_of[name]
        code, out, err = run(capsys, "show", planted.folder, number)
        assert code == 0, (name, err)
        assert "== Person" in out and "== Case" in out and "== Notes" in out
        assert "Case number:" in out and number in out
        if plant.table == "services":
            line = next(x for x in out.splitlines() if "cannot be read" in x)
            assert line.endswith(f"[cannot be read: {LABELS[plant.field]}]"), line
        else:
            assert f"(!) Some fields cannot be read: {LABELS[plant.field]}" in out, name

        code, out, err = run(capsys, "show", planted.folder, number, "--json")
        assert code == 0, (name, err)
        shown = json.loads(out)
        assert shown["case"]["case_number"] == number
        where = {"persons": "person", "cases": "case", "services": "services"}[plant.table]
        marked = shown["unreadable"][where]
        if plant.table == "services":
            assert marked == {planted.record_of[name]: [plant.field]}
        else:
            assert marked == [plant.field]
    for number in planted.others[:5]:
        code, out, _ = run(capsys, "show", planted.folder, number, "--json")
        assert code == 0 and "unreadable" not in json.loads(out)


def test_show_in_indonesian_names_the_fields_in_indonesian(planted, env, capsys, monkeypatch):
    monkeypatch.setenv("TIPDESK_LANG", "id")
    code, out, _ = run(capsys, "show", planted.folder, planted.case_of["day_zero"])
    assert code == 0
    assert "(!) Beberapa isian tidak dapat dibaca: Tanggal lahir" in out


def test_report_and_the_exports_are_written(planted, env, capsys):
    for suffix in ("pdf", "csv", "xlsx"):
        code, _, err = run(
            capsys,
            "report",
            planted.folder,
            "--from",
            FROM,
            "--to",
            TO,
            "--out",
            env / f"report.{suffix}",
        )
        assert code == 0, err
        assert "damaged" not in err and (env / f"report.{suffix}").stat().st_size > 0
    code, _, err = run(
        capsys, "stats-export", planted.folder, "--out", env / "stats.csv", "--k", "2"
    )
    assert code == 0, err
    exported = (env / "stats.csv").read_text("utf-8")
    assert "oops" not in exported and "4611686018427387904" not in exported
    for row in csv.DictReader(io.StringIO(exported)):
        assert row["gender"] in ("", *VOCABULARIES["sex"].codes()), row
        assert row["yearOfRegistration"] in ("", *(str(y) for y in range(1990, 2027)))


def test_person_export_names_the_unreadable_fields(planted, tmp_path):
    with sign_in(planted.folder, "admin") as s:
        add_account(s, "sari", "supervisor")
    with sign_in(planted.folder, "sari") as s:
        data = privacy.person_data(s, planted.case_of["day_zero"])
        assert data["person"]["unreadable"] == ["birth_date"]
        assert data["person"]["birth_date"] is None
        assert data["person"]["full_name"]
        data = privacy.person_data(s, planted.case_of["flag_seven"])
        assert data["cases"][0]["case"]["unreadable"] == ["cross_border"]
        for name in ("unknown_code", "number_for_code"):
            out = tmp_path / f"{name}.pdf"
            privacy.export_person_data(s, planted.case_of[name], out, lang="en")
            assert out.read_bytes().startswith(b"%PDF")


# --- figures -------------------------------------------------------------------------------


def _report(folder):
    with sign_in(folder, "admin") as s:
        return reports.build_report(s, FROM, TO)


def _row_total(table, key) -> int:
    found = next((row for row in table.rows if row.key == key), None)
    return found.values[-1] if found else 0


def test_figures_count_the_case_and_leave_out_the_value_it_cannot_read(planted, clean):
    before, after = _report(clean.folder), _report(planted.folder)
    summary = before.tables["summary"], after.tables["summary"]
    assert summary[1].value("handled") == summary[0].value("handled")
    # A case whose opening date does not exist is handled but not new in any period.
    assert summary[1].value("new_cases") == summary[0].value("new_cases") - 1
    # A flag holding 7 is not set (and not counted seven times).
    was_set = planted.before["flag_seven"]["cross_border"]
    assert summary[1].value("cross_border") == summary[0].value("cross_border") - was_set
    # Every case is in one age group; ages that cannot be known are "unknown".
    for report in (before, after):
        table = report.tables["sex_age"]
        assert sum(row.values[-1] for row in table.rows if row.key != "total") == report.tables[
            "summary"
        ].value("handled")
    assert (
        _row_total(after.tables["sex_age"], "unknown")
        >= _row_total(before.tables["sex_age"], "unknown") + 3
    )
    assert after.tables["sex_age"].columns[-2] == "unknown"  # the sex stored as 5
    # A list that cannot be read counts once as "unknown"; an unknown code likewise.
    for key, vocab in (("exploitation", "exploitation"), ("means_of_control", "means_of_control")):
        keys = {row.key for row in after.tables[key].rows}
        assert keys <= {*VOCABULARIES[vocab].codes(), "unknown"}, keys
        assert after.tables[key].value("unknown") == before.tables[key].value("unknown") + 1
    columns = set(after.tables["cases_per_month"].columns)
    assert columns <= {*VOCABULARIES["exploitation"].codes(), "unknown", "total"}


# --- the screens' data calls ----------------------------------------------------------------


def test_the_register_list_pages_every_case_and_marks_the_damaged_ones(session, planted):
    flt = listing.CaseFilter()
    total = listing.count_cases(session, flt)
    assert total == len(planted.others) + len(PLANTS)
    for sort in listing.SORT_KEYS:
        found = {
            row.case_number: row
            for offset in range(0, total, 10)
            for row in listing.list_cases(session, flt, sort=sort, offset=offset, limit=10)
        }
        assert len(found) == total, sort
    for name, plant in PLANTS.items():
        row = found[planted.case_of[name]]
        assert row.unreadable == ((plant.field,) if plant.listed else ()), name
    assert all(found[number].unreadable == () for number in planted.others)
    assert found[planted.case_of["broken_list"]].exploitation_types == ()
    assert found[planted.case_of["negative_age"]].age == -5


def test_home_history_referrals_and_the_cases_behind_a_figure_load(session, planted):
    board = listing.dashboard(session, today=dt.date(2026, 11, 28))
    assert board.opened_this_month or board.my_open or board.follow_ups_this_week
    assert listing.list_referrals(session, limit=500)
    for name in PLANTS:
        assert listing.case_history(session, planted.case_of[name]) is not None
    behind = reports.cases_behind(session, FROM, TO, "summary", "handled")
    numbers = {row.case_number for row in behind}
    assert set(planted.case_of.values()) <= numbers
    behind = reports.cases_behind(session, FROM, TO, "exploitation", "unknown")
    assert planted.case_of["broken_list"] in {row.case_number for row in behind}


def test_the_case_file_keeps_what_it_can_read(session, planted):
    file = cases.open_case(session, planted.case_of["day_zero"])
    assert r.unreadable_fields(file.person) == ("birth_date",)
    assert file.person.birth_date is None and file.person.full_name
    assert r.unreadable_fields(file.case) == ()
    file = cases.open_case(session, planted.case_of["unknown_code"])
    assert file.case.means_of_control == ["oops"]  # kept as stored, and marked
    assert r.unreadable_fields(file.case) == ("means_of_control",)
    file = cases.open_case(session, planted.case_of["service_date"])
    marked = [s for s in file.services if r.unreadable_fields(s)]
    assert [s.id for s in marked] == [planted.record_of["service_date"]]
    assert marked[0].planned_on is None


def test_a_text_column_holding_a_number_is_read_as_unreadable(session):
    # STRICT tables store a number given to a TEXT column as text, so the register itself
    # cannot hold one; a row built elsewhere (a batch, an older register) still may.
    case = rows.from_row(
        r.Case,
        {"id": "x", "case_number": 7, "summary": 12, "opened_on": 20240101, "status": "open"},
    )
    assert r.unreadable_fields(case) == ("case_number", "opened_on", "summary")
    assert case.summary == "" and case.opened_on is None and case.status == "open"
    number = session.db.execute("SELECT case_number FROM cases LIMIT 1").fetchone()[0]
    with session.db.conn:
        session.db.execute("UPDATE cases SET summary = 5 WHERE case_number = ?", [number])
    assert (
        session.db.execute(
            "SELECT typeof(summary) FROM cases WHERE case_number = ?", [number]
        ).fetchone()[0]
        == "text"
    )


def test_a_backup_of_such_a_register_restores_and_check_still_names_them(planted, tmp_path):
    from tipdesk.services import backup

    with sign_in(planted.folder, "admin") as s:
        made = backup.make_backup(s, tmp_path / "planted.tipbackup")
    restored = backup.restore_backup(made.path, tmp_path / "restored", "admin", PASSWORD)
    with sign_in(restored.folder, "admin") as s:
        assert len(check_register(s).checks["records"]) == len(PLANTS)
        assert check_register(s, records=False).ok
