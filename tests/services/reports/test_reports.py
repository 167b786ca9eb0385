"""Statistics (issue 7): every figure checked against counts the test makes itself from
the rows, and the anonymised export checked for k-anonymity on the file it writes."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import json

import pytest

from tests.helpers import TODAY, demo_register, new_case, new_register, send, sign_in
from tipdesk.domain import records as r
from tipdesk.domain import reports as d
from tipdesk.domain.errors import BadArgument, NotFound, NotPermitted
from tipdesk.services import reports
from tipdesk.services.reports import stats_export

START, END = dt.date(2026, 1, 1), dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return demo_register(
        tmp_path_factory.mktemp("reports") / "register",
        1200,
        seed=5,
        accounts={"analis": "analyst", "ani": "caseworker"},
    )


@pytest.fixture
def session(demo):
    with sign_in(demo, "admin") as s:
        yield s


def _raw(session):
    """Every live case with its person, read plainly (the test's own independent view)."""
    rows = list(
        session.db.query(
            "SELECT c.*, p.sex, p.birth_date, p.estimated_age, p.region_code AS home, "
            "p.nationality FROM cases c JOIN persons p ON p.id = c.person_id "
            "WHERE c.deleted = 0"
        )
    )
    for row in rows:
        row["exploitation_types"] = json.loads(row["exploitation_types"])
        row["means_of_control"] = json.loads(row["means_of_control"])
    return rows


def _age(row):
    if row["birth_date"] and row["opened_on"]:
        return r.age_on(
            dt.date.fromisoformat(row["birth_date"]), dt.date.fromisoformat(row["opened_on"])
        )
    return row["estimated_age"]


def _handled(rows, start=START, end=END):
    s, e = start.isoformat(), end.isoformat()
    return [
        x for x in rows if x["opened_on"] <= e and (x["closed_on"] is None or x["closed_on"] >= s)
    ]


def test_headline_figures_match_counts_made_from_the_rows(session):
    rows = _raw(session)
    handled = _handled(rows)
    s, e = START.isoformat(), END.isoformat()
    report = reports.build_report(session, START, END)
    summary = report.tables["summary"]
    expected = {
        "handled": len(handled),
        "new_cases": sum(s <= x["opened_on"] <= e for x in rows),
        "closed": sum(x["closed_on"] is not None and s <= x["closed_on"] <= e for x in rows),
        "open_at_end": sum(x["closed_on"] is None or x["closed_on"] > e for x in handled),
        "children": sum(_age(x) is not None and _age(x) < 18 for x in handled),
        "adults": sum(_age(x) is not None and _age(x) >= 18 for x in handled),
        "cross_border": sum(x["cross_border"] for x in handled),
        "migrant_worker": sum(x["migrant_worker"] for x in handled),
        "overdue_follow_up": sum(
            (x["closed_on"] is None or x["closed_on"] > TODAY.isoformat())
            and x["follow_up_on"] is not None
            and x["follow_up_on"] < TODAY.isoformat()
            for x in handled
        ),
    }
    assert {k: summary.value(k) for k in expected} == expected
    assert expected["handled"] > 500 and expected["closed"] > 0 and expected["children"] > 0


def test_breakdowns_match_counts_made_from_the_rows(session):
    handled = _handled(_raw(session))
    report = reports.build_report(session, START, END)
    t = report.tables
    sex_age = collections.Counter((d.age_group(_age(x)), x["sex"] or "unknown") for x in handled)
    assert {
        (row.key, col): t["sex_age"].value(row.key, col)
        for row in t["sex_age"].rows
        if row.key != d.TOTAL
        for col in ("female", "male")
    } == {
        (g, s): sex_age.get((g, s), 0)
        for g, _, _ in d.AGE_GROUPS
        for s in ("female", "male")
        if any(k[0] == g for k in sex_age)
    }
    assert t["sex_age"].value(d.TOTAL, d.TOTAL) == len(handled)
    exploitation = collections.Counter(c for x in handled for c in x["exploitation_types"])
    assert {row.key: row.values[0] for row in t["exploitation"].rows} == dict(exploitation)
    means = collections.Counter(c for x in handled for c in x["means_of_control"])
    assert {row.key: row.values[0] for row in t["means_of_control"].rows} == dict(means)
    for table, column in (
        ("recruitment_method", "recruitment_method"),
        ("recruiter_relationship", "recruiter_relationship"),
        ("destination_country", "exploitation_country"),
    ):
        counted = collections.Counter(x[column] or "unknown" for x in handled)
        assert {row.key: row.values[0] for row in t[table].rows} == dict(counted), table
    labour = collections.Counter(
        x["labour_sector"] or "unknown"
        for x in handled
        if "forced_labour" in x["exploitation_types"]
    )
    assert {row.key: row.values[0] for row in t["labour_sector"].rows} == dict(labour)
    provinces = collections.Counter(
        x["home"][:2] if len(x["home"]) >= 2 else "unknown" for x in handled
    )
    assert {row.key: row.values[0] for row in t["origin_province"].rows} == dict(provinces)


def test_services_referrals_and_reply_days(session):
    handled = {x["id"] for x in _handled(_raw(session))}
    services = [
        x
        for x in session.db.query(
            "SELECT s.service_type, s.status, s.case_id, v.provider_type FROM services s "
            "LEFT JOIN providers v ON v.id = s.provider_id WHERE s.deleted = 0"
        )
        if x["case_id"] in handled and x["status"] in ("provided", "in_progress")
    ]
    referrals = [
        x
        for x in session.db.query("SELECT * FROM referrals WHERE deleted = 0")
        if x["case_id"] in handled
    ]
    report = reports.build_report(session, START, END)
    t = report.tables
    assert {row.key: row.values[0] for row in t["services_by_type"].rows} == dict(
        collections.Counter(x["service_type"] for x in services)
    )
    assert {row.key: row.values[0] for row in t["services_by_provider"].rows} == dict(
        collections.Counter(x["provider_type"] or "none" for x in services)
    )
    assert {row.key: row.values[0] for row in t["referrals_by_status"].rows} == dict(
        collections.Counter(x["status"] for x in referrals)
    )
    days = sorted(
        (dt.date.fromisoformat(x["responded_on"]) - dt.date.fromisoformat(x["letter_date"])).days
        for x in referrals
        if x["letter_date"] and x["responded_on"]
    )
    middle = (days[(len(days) - 1) // 2] + days[len(days) // 2]) / 2
    assert t["referral_reply"].value("replied") == len(days) > 10
    assert t["referral_reply"].value("median_reply_days") == round(middle, 1)


def test_cases_per_month_and_the_cases_behind_a_figure(session):
    rows = _raw(session)
    report = reports.build_report(session, START, END)
    table = report.tables["cases_per_month"]
    new = [x for x in rows if START.isoformat() <= x["opened_on"] <= END.isoformat()]
    counted = collections.Counter(
        (x["opened_on"][:7], c) for x in new for c in x["exploitation_types"]
    )
    for (month, code), n in counted.items():
        assert table.value(month, code) == n
    assert [row.key for row in table.rows][:-1] == sorted({x["opened_on"][:7] for x in new})
    behind = reports.cases_behind(session, START, END, "sex_age", "13-17", "female")
    assert len(behind) == report.tables["sex_age"].value("13-17", "female") > 0
    assert all(row.full_name for row in behind)
    overdue = reports.cases_behind(session, START, END, "summary", "overdue_follow_up")
    assert len(overdue) == report.tables["summary"].value("overdue_follow_up")


def test_an_analyst_sees_figures_but_no_name_and_a_case_worker_no_report(demo):
    with sign_in(demo, "analis") as s:
        report = reports.build_report(s, START, END)
        behind = reports.cases_behind(s, START, END, "exploitation", "forced_labour")
        assert len(behind) == report.tables["exploitation"].value("forced_labour") > 0
        assert all(row.full_name == row.register_number == "" for row in behind)
    with sign_in(demo, "ani") as s, pytest.raises(NotPermitted):
        reports.build_report(s, START, END)


def test_bad_periods_and_offices_are_refused(session):
    with pytest.raises(BadArgument):
        reports.build_report(session, END, START)
    with pytest.raises(NotFound):
        reports.build_report(session, START, END, office_code="XXX")


# --- the anonymised export -----------------------------------------------------------------

QI = stats_export.QUASI_IDENTIFIER_HEADERS


@pytest.mark.parametrize("k", [2, 5, 11])
def test_the_stats_export_is_k_anonymous(session, tmp_path, k):
    out = tmp_path / f"stats-{k}.csv"
    result = stats_export.export_stats(session, out, k=k)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == result.exported > 0
    groups = collections.Counter(tuple(row[q] for q in QI) for row in rows)
    assert min(groups.values()) >= k
    consenting = session.db.execute(
        "SELECT count(*) FROM cases WHERE deleted = 0 AND consent_statistics = 1"
    ).fetchone()[0]
    refusing = session.db.execute(
        "SELECT count(*) FROM cases WHERE deleted = 0 AND consent_statistics = 0"
    ).fetchone()[0]
    assert result.exported + result.suppressed == consenting
    assert result.without_consent == refusing > 0


def test_the_stats_export_holds_nothing_identifying(session, tmp_path):
    out = tmp_path / "stats.csv"
    stats_export.export_stats(session, out, k=11)
    text = out.read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")
    assert header == [h for h, _ in stats_export.LAYOUT]
    people = list(session.db.query("SELECT full_name, nik, register_number FROM persons LIMIT 200"))
    numbers = [
        row["case_number"] for row in session.db.query("SELECT case_number FROM cases LIMIT 200")
    ]
    for person in people:
        assert person["full_name"] not in text
        assert not person["nik"] or person["nik"] not in text
        assert person["register_number"] not in text
    assert not any(n in text for n in numbers)
    years = {line.split(",")[0] for line in text.splitlines()[1:]}
    assert years <= {str(y) for y in range(2015, 2027)}  # no date finer than the year
    # Flags are 0/1, ages only in bands.
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["isForcedLabour"] for row in rows} <= {"0", "1"}
    assert {row["ageBroad"] for row in rows} <= {
        "0-8",
        "9-17",
        "18-20",
        "21-23",
        "24-26",
        "27-29",
        "30-38",
        "39-47",
        "48+",
        "0-17",
        "18+",
        "",
    }


def test_rare_combinations_are_generalised_then_suppressed(tmp_path):
    created = new_register(tmp_path / "small")
    with sign_in(created.folder, "admin") as s:
        # Ten alike, and one who is unique: a man from Malaysia's cases.
        for _ in range(10):
            new_case(s, consent_statistics=True)
        new_case(
            s,
            {"sex": "male", "birth_date": dt.date(1960, 1, 1)},
            consent_statistics=True,
            exploitation_country="sa",
        )
        result = stats_export.export_stats(s, tmp_path / "out.csv", k=5)
    assert (result.exported, result.suppressed) == (10, 1)
    assert result.generalised > 0


def test_a_province_with_two_districts_reports_per_district_and_in_total(three_offices):
    a, b, province, stick = three_offices
    for _ in range(3):
        new_case(a.session, exploitation_types=["forced_labour"])
    for _ in range(2):
        new_case(
            b.session,
            {"full_name": "Yohana Seran", "nik": "", "sex": "male"},
            exploitation_types=["sexual_exploitation"],
        )
    new_case(
        b.session,
        opened_on=dt.date(2025, 3, 1),
        status="closed",
        closed_on=dt.date(2025, 6, 1),
        closure_reason="goals_achieved",
    )
    send(a, province, stick / "a.tipbatch")
    send(b, province, stick / "b.tipbatch")
    report = reports.build_report(province.session, START, END)
    offices = report.tables["by_office"]
    assert offices.columns == ("new_cases", "handled", "open_at_end", "closed")
    assert {row.key: row.values for row in offices.rows} == {
        "BEL": (2, 2, 2, 0),
        "KUP": (3, 3, 3, 0),
        d.TOTAL: (5, 5, 5, 0),
    }
    assert report.tables["exploitation"].value("forced_labour") == 3
    just_b = reports.build_report(province.session, START, END, office_code="BEL")
    assert "by_office" not in just_b.tables
    assert just_b.tables["summary"].value("handled") == 2
    assert just_b.tables["sex_age"].value(d.TOTAL, "male") == 2
    assert just_b.tables["exploitation"].value("forced_labour") == 0
    behind = reports.cases_behind(province.session, START, END, "by_office", "KUP", "new_cases")
    assert len(behind) == 3 and all(row.office_code == "KUP" for row in behind)
    for office in (a, b, province):
        office.session.close()
