"""Services the CLI and the app share: one validated transaction per user action."""

import datetime as dt

import pytest

from tests.helpers import PASSWORD, TODAY, add_account, case, new_case, person, provider, send
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, UnknownField, ValidationFailed
from tipdesk.services.casework import cases
from tipdesk.services.register import open_register


def counts(session):
    return {
        t: session.db[t].count
        for t in (
            "persons",
            "cases",
            "services",
            "referrals",
            "case_notes",
            "providers",
            "_changes",
        )
    }


def test_create_and_open_a_case_with_everything_attached(session):
    p = provider(session)
    file = new_case(session)
    assert file.case.case_number == "KUP-2026-00001"
    assert file.person.register_number == "KUP-P-000001"
    assert file.case.assigned_to == "admin"
    assert file.case.origin == session.office.id
    cases.add_service(
        session,
        r.Service(
            case_id=file.case.id,
            service_type="health",
            provider_id=p.id,
            status="provided",
            started_on=dt.date(2026, 10, 3),
            completed_on=dt.date(2026, 10, 3),
        ),
    )
    cases.add_referral(
        session,
        r.Referral(
            case_id=file.case.id,
            provider_id=p.id,
            services_requested=["health", "psychological"],
            reason="Pemeriksaan kesehatan.",
            urgency="urgent",
        ),
    )
    cases.add_note(
        session,
        r.CaseNote(case_id=file.case.id, noted_on=dt.date(2026, 10, 4), text="Kunjungan rumah."),
    )
    opened = cases.open_case(session, file.case.case_number)
    assert opened.person.full_name == "Maria Goreti Bria"
    assert [s.service_type for s in opened.services] == ["health"]
    assert opened.referrals[0].services_requested == ["health", "psychological"]
    assert opened.notes[0].author == "admin"
    assert opened.providers[p.id].name == p.name


def test_numbers_count_per_year(session):
    a = new_case(session, opened_on=dt.date(2025, 12, 30))
    b = new_case(session, opened_on=dt.date(2026, 1, 2))
    c = new_case(session, opened_on=dt.date(2026, 1, 3))
    assert [x.case.case_number for x in (a, b, c)] == [
        "KUP-2025-00001",
        "KUP-2026-00001",
        "KUP-2026-00002",
    ]
    assert c.person.register_number == "KUP-P-000003"


def test_refused_case_reports_person_and_case_problems_together_and_writes_nothing(session):
    before = counts(session)
    with pytest.raises(ValidationFailed) as info:
        cases.create_case(
            session,
            person(full_name="", birth_date=dt.date(2030, 1, 1)),
            case(opened_on=None, status="nope"),
        )
    found = {(p.field, p.code) for p in info.value.problems if p.is_error}
    assert found == {
        ("full_name", "required"),
        ("birth_date", "date_in_future"),
        ("opened_on", "required"),
        ("status", "unknown_code"),
    }
    assert counts(session) == before


def test_reference_to_a_missing_provider_is_refused_and_writes_nothing(session):
    file = new_case(session)
    before = counts(session)
    with pytest.raises(ValidationFailed) as info:
        cases.add_referral(
            session,
            r.Referral(case_id=file.case.id, provider_id="nope", services_requested=["health"]),
        )
    assert [(p.field, p.code) for p in info.value.problems] == [
        ("provider_id", "unknown_reference")
    ]
    assert counts(session) == before


def test_a_failure_inside_the_transaction_leaves_nothing(session, monkeypatch):
    before = counts(session)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(cases.search, "refresh", explode)
    with pytest.raises(RuntimeError):
        cases.create_case(session, person(), case())
    assert counts(session) == before
    assert session.db.execute("SELECT count(*) FROM counters").fetchone()[0] == 0


def test_update_fields_from_text_like_the_app(session):
    file = new_case(session)
    number = file.case.case_number
    updated, warnings = cases.update_case_fields(
        session,
        number,
        {
            "status": "active",
            "person.phone": "0812 3456 7890",
            "case.risk_level": "high",
            "exploitation_types": "forced_labour, sexual_exploitation",
            "consent_share": "yes",
        },
    )
    assert updated.case.status == "active"
    assert updated.person.phone == "0812 3456 7890"
    assert updated.case.exploitation_types == ["forced_labour", "sexual_exploitation"]
    assert updated.case.consent_share is True
    assert updated.case.rev > file.case.rev
    assert [(w.field, w.code) for w in warnings] == [("consent_date", "consent_date_missing")]


def test_update_refusals_change_nothing(session):
    file = new_case(session)
    number = file.case.case_number
    before = counts(session)
    with pytest.raises(UnknownField) as info:
        cases.update_case_fields(session, number, {"status": "active", "shoe_size": "40"})
    assert info.value.params["field"] == "shoe_size"
    with pytest.raises(ValidationFailed) as bad:
        cases.update_case_fields(
            session,
            number,
            {"birth_date": "14/13/1999", "estimated_age": "abc", "status": "active"},
        )
    assert {(p.field, p.code) for p in bad.value.problems} == {
        ("birth_date", "invalid_date"),
        ("estimated_age", "invalid_number"),
    }
    with pytest.raises(ValidationFailed):
        cases.update_case_fields(session, number, {"status": "closed"})
    with pytest.raises(UnknownField):
        cases.update_case_fields(session, number, {"case.id": "x"})
    assert counts(session) == before
    assert cases.open_case(session, number).case.status == "open"


def test_unknown_case_number(session):
    with pytest.raises(NotFound) as info:
        cases.open_case(session, "KUP-1999-00001")
    assert info.value.params == {"what": "case", "key": "KUP-1999-00001"}


def test_same_nik_twice_is_a_warning_naming_the_other_register_number(session):
    first = new_case(session, {"nik": "5371015403990001"})
    _, warnings = cases.create_case(session, person(nik="5371015403990001"), case())
    assert [(w.code, w.params) for w in warnings if w.field == "nik"] == [
        ("duplicate_nik", {"register_number": first.person.register_number})
    ]


def test_second_case_for_the_same_person(session):
    first = new_case(session)
    second, _ = cases.add_case(session, first.person.id, case(opened_on=dt.date(2026, 11, 1)))
    assert second.person.id == first.person.id
    assert second.case.case_number == "KUP-2026-00002"
    assert sorted(row["case_number"] for row in cases.find_cases(session, "goreti")) == [
        first.case.case_number,
        second.case.case_number,
    ]


def test_writes_survive_reopening_and_the_clock_continues(register, session):
    file = new_case(session)
    rev = file.case.rev
    session.close()
    with open_register(register.folder, "admin", PASSWORD) as again:
        again.today = lambda: TODAY
        assert again.clock.last >= rev
        assert cases.open_case(again, file.case.case_number).person.full_name == "Maria Goreti Bria"
        cases.update_case_fields(again, file.case.case_number, {"status": "active"})
        assert cases.open_case(again, file.case.case_number).case.rev > rev


def test_providers_directory(session):
    provider(session)
    provider(
        session, name="LBH APIK NTT", provider_type="legal_aid", services_offered=["legal_aid"]
    )
    assert [p.name for p in cases.list_providers(session)] == [
        "LBH APIK NTT",
        "RSUD Prof. Dr. W. Z. Johannes",
    ]
    assert [p.name for p in cases.list_providers(session, "apik")] == ["LBH APIK NTT"]
    with pytest.raises(ValidationFailed):
        cases.create_provider(
            session, r.Provider(name="", provider_type="hospital", email="not-an-email")
        )


# --- assigned_to names a current user of this register ---------------------------------


def _assignee_problem(info):
    return [(p.field, p.code, p.params) for p in info.value.problems if p.is_error]


def test_a_new_case_is_assigned_only_to_a_current_user_of_this_register(session):
    from tipdesk.domain.messages import describe_problem
    from tipdesk.services.access import users

    for name in ("ani", "budi", "citra"):
        add_account(session, name, "caseworker")
    users.disable_user(session, "budi")
    users.remove_user(session, "citra", rekey=False)
    before = counts(session)
    for name in ("nobody", "budi", "citra"):
        with pytest.raises(ValidationFailed) as info:
            cases.create_case(session, person(), case(assigned_to=name))
        assert _assignee_problem(info) == [
            ("assigned_to", "unknown_user", {"user": name, "users": "admin, ani"})
        ]
        text = describe_problem(info.value.problems[0], "en")
        assert name in text and "admin, ani" in text and text.startswith("Assigned worker")
    first = new_case(session)
    with pytest.raises(ValidationFailed) as info:
        cases.add_case(session, first.person.id, case(assigned_to="nobody"))
    assert _assignee_problem(info)[0][:2] == ("assigned_to", "unknown_user")
    assert new_case(session, assigned_to="ani").case.assigned_to == "ani"
    assert counts(session)["cases"] == before["cases"] + 2


def test_reassigning_to_a_user_who_is_not_current_is_refused_and_writes_nothing(session):
    from tipdesk.services.access import users

    add_account(session, "ani", "caseworker")
    add_account(session, "budi", "caseworker")
    users.disable_user(session, "budi")
    file = new_case(session)
    number = file.case.case_number
    before = counts(session)
    for name in ("nobody", "budi"):
        with pytest.raises(ValidationFailed) as info:
            cases.update_case_fields(session, number, {"assigned_to": name})
        assert _assignee_problem(info) == [
            ("assigned_to", "unknown_user", {"user": name, "users": "admin, ani"})
        ]
        opened = cases.open_case(session, number, audit=False)
        opened.case.assigned_to = name
        with pytest.raises(ValidationFailed):
            cases.save_case_file(session, opened.person, opened.case)
    assert counts(session) == before
    assert cases.open_case(session, number, audit=False).case.assigned_to == "admin"
    cases.update_case_fields(session, number, {"assigned_to": "ani"})
    assert cases.open_case(session, number, audit=False).case.assigned_to == "ani"
    cases.update_case_fields(session, number, {"assigned_to": ""})  # no worker: as before
    assert cases.open_case(session, number, audit=False).case.assigned_to == ""


def test_an_unchanged_assignee_who_has_left_stays_valid(session):
    from tipdesk.services.access import users

    add_account(session, "ani", "caseworker")
    number = new_case(session, assigned_to="ani").case.case_number
    users.remove_user(session, "ani", rekey=False)
    updated, _ = cases.update_case_fields(session, number, {"risk_level": "high"})
    assert (updated.case.assigned_to, updated.case.risk_level) == ("ani", "high")


def test_a_province_edits_a_district_case_keeping_its_district_worker(offices):
    district, province, stick = offices
    try:
        add_account(district.session, "ani", "caseworker")
        number = new_case(district.session, assigned_to="ani").case.case_number
        send(district, province, stick / "1.tipbatch")
        updated, _ = cases.update_case_fields(province.session, number, {"risk_level": "high"})
        assert (updated.case.assigned_to, updated.case.risk_level) == ("ani", "high")
        with pytest.raises(ValidationFailed) as info:  # "ani" is no user here
            cases.update_case_fields(province.session, number, {"assigned_to": "admin2"})
        assert _assignee_problem(info)[0][2] == {"user": "admin2", "users": "admin"}
    finally:
        district.session.close()
        province.session.close()


# --- a save that changes nothing writes nothing --------------------------------------------


def _audit_rows(session):
    return session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_an_update_that_changes_nothing_writes_nothing(session):
    file = new_case(session, status="active")
    number = file.case.case_number
    before, audited = counts(session), _audit_rows(session)
    updated, result = cases.update_case_fields(
        session,
        number,
        {"case.status": "active", "person.full_name": file.person.full_name, "risk_level": ""},
    )
    assert result.changed == ()
    assert counts(session) == before and _audit_rows(session) == audited
    assert (updated.case.rev, updated.case.updated_at) == (file.case.rev, file.case.updated_at)
    assert updated.person.rev == file.person.rev
    opened = cases.open_case(session, number, audit=False)
    assert cases.save_case_file(session, opened.person, opened.case).changed == ()
    assert counts(session) == before and _audit_rows(session) == audited


def test_a_save_writes_only_the_record_it_changes(session):
    file = new_case(session)
    number = file.case.case_number
    before = counts(session)
    updated, result = cases.update_case_fields(session, number, {"risk_level": "high"})
    assert result.changed == ("risk_level",)
    assert counts(session)["_changes"] == before["_changes"] + 1
    assert updated.person.rev == file.person.rev and updated.case.rev > file.case.rev
    updated, result = cases.update_case_fields(session, number, {"person.alias": "Nona"})
    assert result.changed == ("person.alias",)
    assert counts(session)["_changes"] == before["_changes"] + 2
    last = session.db.execute(
        "SELECT detail FROM audit_log ORDER BY rowid DESC LIMIT 1"
    ).fetchone()[0]
    assert "person.alias" in last
