"""The app's lists: cases a page at a time, referrals, the dashboard, workers, history."""

import datetime as dt
import time

import pytest

from tests.helpers import PASSWORD, TODAY, erase, new_case, provider, send
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound
from tipdesk.services.casework import cases, listing
from tipdesk.services.casework.listing import CaseFilter
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.storage import local


def numbers(rows):
    return [row.case_number for row in rows]


def closed(**kw):
    return dict(
        status="closed", closed_on=dt.date(2026, 11, 1), closure_reason="goals_achieved", **kw
    )


@pytest.fixture
def small(session):
    """Five cases that differ in every filtered column."""
    local.add_user(session.db, r.User(username="yohana", role="caseworker"))
    made = {
        "maria": new_case(
            session,
            {"full_name": "Maria Goreti Bria"},
            assigned_to="yohana",
            exploitation_types=["forced_labour"],
            opened_on=dt.date(2026, 9, 1),
        ),
        "siti": new_case(
            session,
            {"full_name": "Siti Aminah", "sex": "female", "birth_date": dt.date(2008, 1, 5)},
            status="active",
            exploitation_types=["sexual_exploitation"],
            labour_sector=None,
            opened_on=dt.date(2026, 10, 15),
        ),
        "ani": new_case(
            session,
            {"full_name": "Ani Lestari", "birth_date": None, "estimated_age": 40},
            status="active",
            assigned_to="yohana",
            opened_on=dt.date(2026, 11, 2),
            exploitation_types=["forced_labour", "domestic_servitude"],
        ),
        "budi": new_case(
            session,
            {"full_name": "Budi Santoso", "sex": "male", "birth_date": dt.date(1990, 6, 1)},
            exploitation_types=["forced_marriage"],
            labour_sector=None,
            **closed(opened_on=dt.date(2026, 8, 20)),
        ),
        "rina": new_case(
            session,
            {"full_name": "Rina Tefa", "birth_date": None},
            status="follow_up",
            opened_on=dt.date(2026, 11, 20),
            exploitation_types=["domestic_servitude"],
            labour_sector=None,
        ),
    }
    return {k: v.case.case_number for k, v in made.items()}


def test_each_filter_and_their_combination_narrow_the_list(session, small):
    def listed(**kw):
        flt = CaseFilter(**kw)
        rows = listing.list_cases(session, flt, sort="case_number", descending=False)
        assert listing.count_cases(session, flt) == len(rows)
        return numbers(rows)

    assert len(listed()) == 5
    assert listed(statuses=("active",)) == [small["siti"], small["ani"]]
    assert listed(statuses=("active", "follow_up")) == [small["siti"], small["ani"], small["rina"]]
    assert listed(worker="yohana") == [small["maria"], small["ani"]]
    assert listed(exploitation_type="forced_labour") == [small["maria"], small["ani"]]
    assert listed(exploitation_type="labour") == []  # a code, not a substring
    assert listed(opened_from=dt.date(2026, 10, 15), opened_to=dt.date(2026, 11, 2)) == [
        small["siti"],
        small["ani"],
    ]
    assert listed(text="siti") == [small["siti"]]
    assert listed(text="Tawau") == listed()  # places are searched too
    assert listed(text="   ") == listed()
    # Every condition must hold.
    assert listed(worker="yohana", statuses=("active",)) == [small["ani"]]
    assert listed(
        worker="yohana",
        exploitation_type="domestic_servitude",
        opened_from=dt.date(2026, 11, 1),
        text="ani",
    ) == [small["ani"]]
    assert listed(worker="yohana", text="siti") == []


def test_rows_show_what_the_list_columns_need(session, small):
    rows = {row.case_number: row for row in listing.list_cases(session, CaseFilter())}
    siti = rows[small["siti"]]
    assert (siti.full_name, siti.initials, siti.sex) == ("Siti Aminah", "S.A.", "female")
    assert siti.age == 18  # born 2008-01-05, today 2026-11-28
    assert siti.exploitation_types == ("sexual_exploitation",)
    assert siti.status == "active" and siti.assigned_to == "admin"
    assert siti.register_number.startswith("KUP-P-")
    assert siti.updated_at.endswith("Z")
    assert rows[small["ani"]].age == 40  # estimated
    assert rows[small["rina"]].age is None
    assert rows[small["budi"]].follow_up_on is None


def test_sort_orders_ascending_and_descending(session, small):
    def order(sort, descending=False):
        return numbers(listing.list_cases(session, CaseFilter(), sort=sort, descending=descending))

    by_name = [small[k] for k in ("ani", "budi", "maria", "rina", "siti")]
    assert order("name") == by_name
    assert order("name", descending=True) == by_name[::-1]
    # Age: 18 (Siti), 27 (Maria), 36 (Budi), 40 (Ani, estimated); unknown first ascending.
    assert order("age") == [small[k] for k in ("rina", "siti", "maria", "budi", "ani")]
    assert order("age", descending=True) == [
        small[k] for k in ("ani", "budi", "maria", "siti", "rina")
    ]
    assert order("case_number") == sorted(small.values())
    assert order("register_number", descending=True) == sorted(small.values(), reverse=True)
    assert order("exploitation")[0] == small["rina"]  # ["domestic_servitude"]


def test_ties_are_ordered_by_row_the_same_way_on_every_call(session, small):
    rows = listing.list_cases(session, CaseFilter(), sort="status", descending=False)
    assert [row.status for row in rows] == ["active", "active", "closed", "follow_up", "open"]
    assert numbers(rows[:2]) == [small["siti"], small["ani"]]  # by rid within a status
    down = listing.list_cases(session, CaseFilter(), sort="status", descending=True)
    assert numbers(down) == numbers(rows)[::-1]
    by_worker = listing.list_cases(session, CaseFilter(), sort="worker", descending=False)
    assert numbers(by_worker) == [small[k] for k in ("siti", "budi", "rina", "maria", "ani")]
    assert numbers(
        listing.list_cases(session, CaseFilter(), sort="worker", descending=False)
    ) == numbers(by_worker)


def test_newest_change_first_by_default(session, small):
    time.sleep(0.002)  # a later millisecond than the cases' creation
    cases.update_case_fields(session, small["maria"], {"case.risk_level": "high"})
    rows = listing.list_cases(session, CaseFilter())
    assert rows[0].case_number == small["maria"]
    assert numbers(rows[1:]) == [small[k] for k in ("rina", "budi", "ani", "siti")]


def test_unknown_sort_key_is_refused(session):
    with pytest.raises(ValueError):
        listing.list_cases(session, CaseFilter(), sort="summary")


def test_follow_up_sort_puts_blank_dates_first_ascending_last_descending(session, small):
    cases.update_case_fields(session, small["siti"], {"case.follow_up_on": "2026-12-01"})
    cases.update_case_fields(session, small["ani"], {"case.follow_up_on": "2026-11-30"})
    up = numbers(listing.list_cases(session, CaseFilter(), sort="follow_up_on", descending=False))
    assert up[-2:] == [small["ani"], small["siti"]]
    down = numbers(listing.list_cases(session, CaseFilter(), sort="follow_up_on", descending=True))
    assert down[:2] == [small["siti"], small["ani"]]


@pytest.mark.parametrize("sort", listing.SORT_KEYS)
def test_pages_are_disjoint_consecutive_and_cover_the_count(session, sort):
    add_demo_cases(session, 45, seed=3)
    for flt in (CaseFilter(), CaseFilter(statuses=("open", "active", "follow_up"))):
        total = listing.count_cases(session, flt)
        whole = listing.list_cases(session, flt, sort=sort, offset=0, limit=1000)
        assert len(whole) == total > 0
        for descending in (False, True):
            pages = [
                listing.list_cases(
                    session, flt, sort=sort, descending=descending, offset=start, limit=7
                )
                for start in range(0, total + 7, 7)
            ]
            flat = [row.rid for page in pages for row in page]
            assert len(flat) == len(set(flat)) == total
            full = listing.list_cases(session, flt, sort=sort, descending=descending, limit=1000)
            assert flat == [row.rid for row in full]
            assert pages[-1] == []


def test_deleted_cases_are_never_listed_or_counted(session, small):
    cases.delete_case(session, small["siti"])
    erase(session, small["budi"])
    for flt in (
        CaseFilter(),
        CaseFilter(text="siti"),
        CaseFilter(statuses=("active",)),
        CaseFilter(exploitation_type="sexual_exploitation"),
    ):
        listed = numbers(listing.list_cases(session, flt, limit=1000))
        assert small["siti"] not in listed and small["budi"] not in listed
        assert listing.count_cases(session, flt) == len(listed)
    for sort in listing.SORT_KEYS:
        assert len(listing.list_cases(session, CaseFilter(), sort=sort)) == 3


def test_dashboard_buckets_by_date_relative_to_today(session):
    today = TODAY  # 2026-11-28, the session's today
    local.add_user(session.db, r.User(username="yohana", role="caseworker"))

    def make(name, **kw):
        return new_case(session, {"full_name": name}, **kw).case.case_number

    due_today = make("Due Today", follow_up_on=today, opened_on=dt.date(2026, 11, 3))
    due_day_6 = make("Due Six", follow_up_on=today + dt.timedelta(days=6))
    due_day_7 = make("Due Seven", follow_up_on=today + dt.timedelta(days=7))
    late = make("Late One", follow_up_on=today - dt.timedelta(days=1), assigned_to="yohana")
    later = make("Late Two", follow_up_on=today - dt.timedelta(days=30), status="active")
    done = make(
        "Closed Late",
        follow_up_on=today - dt.timedelta(days=3),
        **closed(opened_on=dt.date(2026, 10, 2)),
    )
    last_month = make("Opened October", opened_on=dt.date(2026, 10, 31))
    new = make("Opened November", opened_on=dt.date(2026, 11, 28))

    board = listing.dashboard(session, today=today)
    assert numbers(board.follow_ups_this_week) == [due_today, due_day_6]
    assert numbers(board.overdue) == [later, late]
    assert due_day_7 not in numbers(board.follow_ups_this_week)
    assert done not in numbers(board.overdue)
    assert set(numbers(board.my_open)) == {due_today, due_day_6, due_day_7, later, last_month, new}
    assert numbers(board.opened_this_month) == [new, due_today]
    assert last_month not in numbers(board.opened_this_month)

    # A week on, the same register shows other buckets.
    week_on = listing.dashboard(session, today=today + dt.timedelta(days=7))
    assert numbers(week_on.follow_ups_this_week) == [due_day_7]
    assert numbers(week_on.overdue) == [later, late, due_today, due_day_6]
    assert numbers(week_on.opened_this_month) == []  # December
    # Without a date, the session's today.
    assert listing.dashboard(session) == board


def test_dashboard_lists_referrals_awaiting_a_reply_longest_waiting_first(session):
    p = provider(session)
    file = new_case(session)
    for follow_up, status in (
        (dt.date(2026, 12, 5), "sent"),
        (dt.date(2026, 11, 20), "sent"),
        (None, "draft"),
        (dt.date(2026, 11, 1), "accepted"),
    ):
        cases.add_referral(
            session,
            r.Referral(
                case_id=file.case.id,
                provider_id=p.id,
                services_requested=["health"],
                status=status,
                follow_up_on=follow_up,
            ),
        )
    awaiting = listing.dashboard(session).awaiting_reply
    assert [(x.status, x.follow_up_on) for x in awaiting] == [
        ("sent", dt.date(2026, 11, 20)),
        ("sent", dt.date(2026, 12, 5)),
    ]
    assert awaiting[0].provider_name == p.name and awaiting[0].full_name == "Maria Goreti Bria"


def test_referral_list_filters_by_status_and_by_case_person_or_provider(session):
    hospital = provider(session)
    police = provider(
        session,
        name="Unit PPA Polresta Kupang",
        provider_type="police_ppa_unit",
        services_offered=["law_enforcement_support"],
    )
    maria = new_case(session)
    siti = new_case(session, {"full_name": "Siti Aminah"})
    gone = new_case(session, {"full_name": "Siti Hapus"})

    def refer(file, where, **kw):
        ref = r.Referral(
            case_id=file.case.id,
            provider_id=where.id,
            services_requested=["health"],
            urgency="urgent",
            **kw,
        )
        cases.add_referral(session, ref)
        return ref.id

    first = refer(maria, hospital, status="sent", letter_date=dt.date(2026, 10, 5))
    second = refer(siti, police)
    third = refer(siti, hospital, status="accepted")
    refer(gone, hospital)
    cases.delete_case(session, gone.case.case_number)

    def ids(**kw):
        rows = listing.list_referrals(session, **kw)
        assert listing.count_referrals(session, **kw) == len(rows)
        return [row.id for row in rows]

    assert ids() == [third, second, first]  # newest first; a deleted case's are gone
    assert ids(statuses=("sent", "accepted")) == [third, first]
    assert ids(text="siti") == [third, second]
    assert ids(text=maria.case.case_number) == [first]
    assert ids(text="polresta") == [second]
    assert ids(text="RSUD", statuses=("sent",)) == [first]
    assert ids(text="nobody") == []
    assert ids(text="%") == ids(text="_") == []  # typed, not wildcards
    assert listing.list_referrals(session, offset=1, limit=1)[0].id == second
    row = listing.list_referrals(session, text=maria.case.case_number)[0]
    assert (row.case_number, row.full_name, row.provider_name) == (
        maria.case.case_number,
        "Maria Goreti Bria",
        hospital.name,
    )
    assert (row.status, row.urgency, row.letter_date, row.follow_up_on) == (
        "sent",
        "urgent",
        dt.date(2026, 10, 5),
        None,
    )


def test_workers_are_the_active_users_by_display_name(session):
    for username, name, active in (
        ("yohana", "Yohana Bria", True),
        ("dewi", "Dewi Lestari", True),
        ("old", "Agus Lama", False),
    ):
        local.add_user(
            session.db,
            r.User(
                username=username,
                display_name=name,
                role="caseworker",
                active=active,
                created_at="2026-01-01T00:00:00.000Z",
            ),
        )
    assert [u.username for u in listing.list_workers(session)] == ["admin", "dewi", "yohana"]


def test_history_shows_each_change_with_before_after_and_author(session):
    file = new_case(session)
    number = file.case.case_number
    cases.update_case_fields(session, number, {"case.status": "active", "person.alias": "Ina"})
    cases.add_note(
        session,
        r.CaseNote(case_id=file.case.id, noted_on=dt.date(2026, 11, 2), text="Kunjungan rumah."),
    )
    other = new_case(session, {"full_name": "Orang Lain"})
    cases.update_case_fields(session, other.case.case_number, {"case.status": "active"})

    history = listing.case_history(session, number)
    assert [(h.entity, h.op) for h in history] == [
        ("case_notes", "insert"),
        ("cases", "update"),
        ("persons", "update"),
        ("cases", "insert"),
        ("persons", "insert"),
    ]
    assert [h.seq for h in history] == sorted((h.seq for h in history), reverse=True)
    status_change = history[1]
    assert status_change.record_id == file.case.id
    assert status_change.changes == (("status", "open", "active"),)
    assert history[2].changes == (("alias", "", "Ina"),)
    assert {h.author for h in history} == {"admin"}
    now = dt.datetime.now(dt.UTC)
    assert all(now - dt.timedelta(minutes=5) < h.at <= now for h in history)
    assert history[0].changes == ()


def test_history_values_read_as_the_record_holds_them(session):
    file = new_case(session)
    cases.update_case_fields(
        session,
        file.case.case_number,
        {
            "case.follow_up_on": "2026-12-01",
            "case.exploitation_types": "forced_labour,sexual_exploitation",
            "case.migrant_worker": "yes",
        },
    )
    change = listing.case_history(session, file.case.case_number)[0]
    values = {name: (before, after) for name, before, after in change.changes}
    assert values["follow_up_on"] == (None, dt.date(2026, 12, 1))
    assert values["exploitation_types"] == (
        ("forced_labour",),
        ("forced_labour", "sexual_exploitation"),
    )
    assert values["migrant_worker"] == (False, True)


def test_history_names_the_user_who_made_each_change(register, session):
    from tipdesk.services.register import open_register

    local.add_user(
        session.db,
        r.User(username="yohana", role="caseworker", created_at="2026-01-01T00:00:00.000Z"),
    )
    file = new_case(session, assigned_to="yohana")  # a case worker changes their own cases
    number = file.case.case_number
    session.user = local.get_user(session.db, "yohana")
    cases.update_case_fields(session, number, {"case.risk_level": "high"})
    history = listing.case_history(session, number)
    # The person was saved unchanged with the case: no entry for it.
    assert [(h.entity, h.op, h.author) for h in history] == [
        ("cases", "update", "yohana"),
        ("cases", "insert", "admin"),
        ("persons", "insert", "admin"),
    ]
    session.close()
    with open_register(register.folder, "admin", PASSWORD) as again:
        assert listing.case_history(again, number, limit=1)[0].author == "yohana"


def test_history_of_an_unknown_case_is_not_found(session):
    with pytest.raises(NotFound):
        listing.case_history(session, "KUP-2026-99999")


def test_demo_cases_record_their_author_in_history(session):
    add_demo_cases(session, 3, seed=1)
    number = listing.list_cases(session, CaseFilter(), limit=1)[0].case_number
    history = listing.case_history(session, number)
    assert history and {h.author for h in history} == {"admin"}
    assert {h.entity for h in history} >= {"cases", "persons", "services", "case_notes"}


def test_a_register_from_before_authors_were_recorded_records_them_after_upgrade(tmp_path):
    from tipdesk.security.keyslots import new_database_key
    from tipdesk.storage import migrate, rows, schema
    from tipdesk.storage.connection import open_database

    key = new_database_key()
    db = open_database(tmp_path / "register.db", key, create=True)
    schema.migrations.apply(db, stop_before="m002_change_author")
    stamps = iter(["0000000000001-0000-x", "0000000000002-0000-x"])

    def stamp(user):
        return lambda: {
            "rev": next(stamps),
            "updated_at": "2026-01-01T00:00:00.000Z",
            "updated_by": user,
        }

    someone = r.Person(id="p1", origin="x", full_name="Siti Aminah", sex="female")
    rows.insert(db, someone, stamp("admin"))
    assert migrate.migrate(db, key, tmp_path / "backups") is not None  # backed up first
    someone.alias = "Ina"
    rows.update(db, someone, stamp("yohana"))
    assert [(c["op"], c["author"]) for c in db.query("SELECT * FROM _changes ORDER BY seq")] == [
        ("insert", ""),
        ("update", "yohana"),
    ]
    db.close()


# --- A province's register ------------------------------------------------------------------


def test_a_province_lists_each_case_with_its_office_and_filters_by_office(three_offices):
    kup, bel, ntt, stick = three_offices
    try:
        local.add_user(kup.session.db, r.User(username="yohana", role="caseworker"))
        for name in ("Maria Goreti Bria", "Yuliana Tefa", "Ani Lestari"):
            new_case(kup.session, {"full_name": name}, assigned_to="yohana")
        new_case(bel.session, {"full_name": "Siti Aminah"})
        gone = new_case(bel.session, {"full_name": "Rina Tefa"}).case.case_number
        for district in (kup, bel):
            send(district, ntt, stick / f"{district.code}")
        new_case(ntt.session, {"full_name": "Budi Santoso", "sex": "male"})
        cases.delete_case(ntt.session, gone)
        session = ntt.session
        offices = listing.list_case_offices(session)
        assert [(o.code, o.level) for o in offices] == [
            ("BEL", "district"),
            ("KUP", "district"),
            ("NTT", "province"),
        ]
        office_id = {o.code: o.id for o in offices}
        assert office_id["KUP"] == kup.session.office.id

        everything = listing.list_cases(session, CaseFilter(), sort="case_number", limit=100)
        assert len(everything) == listing.count_cases(session, CaseFilter()) == 5
        for row in everything:  # case numbers begin with the office that opened them
            assert row.case_number.startswith(row.office_code + "-")

        def listed(**kw):
            flt = CaseFilter(**kw)
            rows = listing.list_cases(session, flt, sort="case_number", limit=100)
            assert listing.count_cases(session, flt) == len(rows)
            return {(row.office_code, row.full_name) for row in rows}

        assert listed(office=office_id["KUP"]) == {
            ("KUP", "Maria Goreti Bria"),
            ("KUP", "Yuliana Tefa"),
            ("KUP", "Ani Lestari"),
        }
        assert listed(office=office_id["BEL"]) == {("BEL", "Siti Aminah")}  # one deleted
        assert listed(office=office_id["NTT"]) == {("NTT", "Budi Santoso")}
        assert listed(office=office_id["KUP"], text="tefa") == {("KUP", "Yuliana Tefa")}
        assert listed(office=office_id["BEL"], worker="yohana") == set()
        assert listed(office="no-such-office") == set()
        # Sorted by office, pages of two that cover the filtered list once.
        for descending in (False, True):
            codes = [
                row.office_code
                for row in listing.list_cases(
                    session, CaseFilter(), sort="office", descending=descending, limit=100
                )
            ]
            assert codes == sorted(codes, reverse=descending)
            pages = [
                listing.list_cases(
                    session,
                    CaseFilter(office=office_id["KUP"]),
                    sort="office",
                    descending=descending,
                    offset=start,
                    limit=2,
                )
                for start in (0, 2, 4)
            ]
            assert [len(page) for page in pages] == [2, 1, 0]
            assert len({row.rid for page in pages for row in page}) == 3
        # An office whose only case was deleted is no longer offered.
        cases.delete_case(
            session, next(row.case_number for row in everything if row.office_code == "BEL")
        )
        assert [o.code for o in listing.list_case_offices(session)] == ["KUP", "NTT"]
        # A district's register holds its own cases only.
        assert [o.code for o in listing.list_case_offices(kup.session)] == ["KUP"]
        assert {row.office_code for row in listing.list_cases(kup.session, CaseFilter())} == {"KUP"}
    finally:
        for office in (kup, bel, ntt):
            office.session.close()


# --- issue 21: spelling variants, a person's cases together -------------------------------


@pytest.fixture
def lidias(session):
    """Lidia twice, Lidya once (opened in between), and Linda."""
    made = {}
    for key, name, opened in (
        ("lidia_seran", "Lidia Seran", dt.date(2026, 9, 1)),
        ("lidya", "Lidya Bria", dt.date(2026, 10, 1)),
        ("lidia_kase", "Lidia Kase", dt.date(2026, 11, 1)),
        ("linda", "Linda Bria", dt.date(2026, 11, 2)),
    ):
        made[key] = new_case(session, {"full_name": name}, opened_on=opened).case.case_number
    return made


@pytest.mark.parametrize("sort", ["case_number", "updated_at", "name", "person"])
def test_a_search_lists_exact_hits_first_then_other_spellings(session, lidias, sort):
    flt = CaseFilter(text="lidya")
    assert listing.count_cases(session, flt) == 3
    for descending in (False, True):
        rows = listing.list_cases(session, flt, sort=sort, descending=descending)
        assert numbers(rows)[0] == lidias["lidya"]
        assert sorted(numbers(rows)[1:]) == sorted([lidias["lidia_seran"], lidias["lidia_kase"]])
        pages = [
            listing.list_cases(session, flt, sort=sort, descending=descending, offset=i, limit=1)
            for i in range(4)
        ]
        assert [numbers(page) for page in pages] == [[n] for n in numbers(rows)] + [[]]
    spelled = numbers(
        listing.list_cases(session, CaseFilter(text="lidia"), sort="case_number", descending=False)
    )
    assert spelled == [lidias["lidia_seran"], lidias["lidia_kase"], lidias["lidya"]]


def test_grouped_by_person_a_persons_cases_follow_each_other_oldest_first(session, small):
    maria = cases.open_case(session, small["maria"]).person
    later, _ = cases.add_case(
        session, maria.id, r.Case(opened_on=dt.date(2026, 11, 20), intake_source="police")
    )
    earlier, _ = cases.add_case(
        session, maria.id, r.Case(opened_on=dt.date(2026, 1, 5), intake_source="police")
    )
    rows = listing.list_cases(session, CaseFilter(), sort="person", descending=False)
    names = [row.full_name for row in rows]
    assert names == sorted(names, key=str.casefold)
    marias = [row.case_number for row in rows if row.person_id == maria.id]
    assert marias == [earlier.case.case_number, small["maria"], later.case.case_number]
    # the filters still apply
    active = listing.list_cases(session, CaseFilter(statuses=("active",)), sort="person")
    assert {row.status for row in active} == {"active"}


@pytest.mark.parametrize("sort", listing.SORT_KEYS)
def test_a_search_lists_the_same_from_its_hits_as_from_the_sort_index(session, sort, monkeypatch):
    """Few hits are read and sorted; many are found walking the sort order: same pages."""
    from tipdesk.storage import listing as store

    add_demo_cases(session, 60, seed=3)
    for flt in (CaseFilter(text="a"), CaseFilter(text="kupang", statuses=("open", "active"))):
        for descending in (False, True):
            few = listing.list_cases(session, flt, sort=sort, descending=descending, limit=500)
            monkeypatch.setattr(store, "FEW_HITS", 0)
            many = listing.list_cases(session, flt, sort=sort, descending=descending, limit=500)
            monkeypatch.undo()
            assert [row.rid for row in few] == [row.rid for row in many]
            assert len(few) == listing.count_cases(session, flt) > 0
    assert listing.count_cases(session, CaseFilter(), at_most=7) == 7


def test_searching_an_incident_number_lists_the_cases_it_brought(session, small):
    from tipdesk.services.casework import journey

    incident, _ = journey.create_incident(
        session, r.Incident(occurred_on=dt.date(2026, 11, 3), kind="raid", place="Pelabuhan")
    )
    for name in ("maria", "rina"):
        journey.link_case(session, small[name], incident.incident_number)
    typed = f"  {incident.incident_number.lower()} "
    flt = CaseFilter(text=typed)
    assert sorted(numbers(listing.list_cases(session, flt))) == sorted(
        [small["maria"], small["rina"]]
    )
    assert listing.count_cases(session, flt) == 2
    # the other filters still narrow it, and a number no incident has finds nothing
    only_open = CaseFilter(text=typed, statuses=["follow_up"])
    assert numbers(listing.list_cases(session, only_open)) == [small["rina"]]
    assert listing.list_cases(session, CaseFilter(text="KUP-KJ-1999-0001")) == []
