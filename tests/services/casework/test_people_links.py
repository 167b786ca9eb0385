"""One person across districts (issue 23): the province's duplicate check across offices,
the review list, and the decisions (link, dismiss, unlink), on real registers of a
province and two districts carrying real batches."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.helpers import PASSWORD, add_account, new_case, send, sign_in
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    Cancelled,
    NotPermitted,
    PersonLinkRefused,
    ValidationFailed,
)
from tipdesk.services.casework import people_links as links
from tipdesk.storage import audit as audit_store


def _registered(office, name: str, born: dt.date | None = None, **person) -> r.CaseFile:
    values = {"full_name": name, "birth_date": born, **person}
    if born is None and "estimated_age" not in person:
        values["birth_date"] = dt.date(1990, 5, 1)
    return new_case(office.session, values)


def _at_province(kup, bel, ntt, stick) -> None:
    send(kup, ntt, stick)
    send(bel, ntt, stick)


def _pairs(ntt) -> dict[frozenset[str], links.CandidatePair]:
    return {frozenset((p.a.person.id, p.b.person.id)): p for p in links.candidates(ntt.session)}


def _pair(a: r.CaseFile, b: r.CaseFile) -> frozenset[str]:
    return frozenset((a.person.id, b.person.id))


def _audit(office, action: str) -> list[dict]:
    return audit_store.entries(office.session.db, audit_store.AuditQuery(actions=(action,)))


@pytest.fixture
def trio(three_offices):
    kup, bel, ntt, stick = three_offices
    return kup, bel, ntt, stick


def test_the_same_nik_in_two_districts_is_proposed_with_both_offices_and_cases(trio):
    kup, bel, ntt, stick = trio
    mine = _registered(kup, "Maria Goreti Bria", nik="5371014403990001")
    theirs = _registered(bel, "Yuliana Tefa", dt.date(1975, 1, 1), nik="5371014403990001")
    _at_province(kup, bel, ntt, stick)

    assert links.scan(ntt.session) == 1
    pair = _pairs(ntt)[_pair(mine, theirs)]
    assert pair.reasons == ("same_nik",)  # the names differ: the NIK alone
    sides = {side.office_code: side for side in (pair.a, pair.b)}
    assert set(sides) == {"KUP", "BEL"}
    assert sides["KUP"].case_numbers == (mine.case.case_number,)
    assert sides["KUP"].person.full_name == "Maria Goreti Bria"
    assert sides["BEL"].case_numbers == (theirs.case.case_number,)
    assert sides["BEL"].office_name == "Kantor BEL"


def test_an_old_spelling_with_a_compatible_age_is_proposed_an_incompatible_age_not(trio):
    kup, bel, ntt, stick = trio
    old = _registered(kup, "Djuariah Nahak", dt.date(1990, 5, 1))
    new = _registered(bel, "Juariah Nahak", dt.date(1991, 2, 11))
    aunt = _registered(bel, "Juariah Nahak", dt.date(1962, 8, 30))  # a generation older
    by_age = _registered(bel, "Nahak Juariah", estimated_age=35)  # parts in another order
    _at_province(kup, bel, ntt, stick)

    links.scan(ntt.session)
    found = _pairs(ntt)
    assert found[_pair(old, new)].reasons == ("similar_name",)
    assert _pair(old, aunt) not in found
    assert _pair(old, by_age) in found  # born 1990: 36 in 2026, the estimate 35
    assert _pair(new, aunt) not in found  # same office, never proposed
    assert len(found) == 2


def test_an_unknown_age_needs_the_same_name_parts_and_one_office_is_never_paired(trio):
    kup, bel, ntt, stick = trio
    known = _registered(kup, "Siti Aminah Bria")
    unknown = _registered(bel, "Bria Siti Aminah", None, estimated_age=None)
    unknown_short = _registered(bel, "Siti Aminah", None, estimated_age=None)
    twin_here = _registered(kup, "Siti Aminah Bria")
    _at_province(kup, bel, ntt, stick)

    links.scan(ntt.session)
    found = _pairs(ntt)
    assert _pair(known, unknown) in found and _pair(twin_here, unknown) in found
    assert _pair(known, unknown_short) not in found  # similar only: an age is needed
    assert _pair(known, twin_here) not in found  # two persons of KUP: KUP's own check
    assert unknown.person.birth_date is None and unknown.person.estimated_age is None


def test_linking_records_the_offices_and_cases_and_a_second_link_is_refused(trio):
    kup, bel, ntt, stick = trio
    mine = _registered(kup, "Djuariah Nahak", dt.date(1990, 5, 1))
    theirs = _registered(bel, "Juariah Nahak", dt.date(1990, 9, 1))
    _at_province(kup, bel, ntt, stick)
    links.scan(ntt.session)

    made = links.link(ntt.session, theirs.person.id, mine.person.id, note="Ibu kandung sama")
    assert made.person_a < made.person_b  # ordered whatever the order asked
    by_person = {
        made.person_a: (made.office_a, made.case_number_a),
        made.person_b: (made.office_b, made.case_number_b),
    }
    assert by_person[mine.person.id] == (mine.person.origin, mine.case.case_number)
    assert by_person[theirs.person.id] == (theirs.person.origin, theirs.case.case_number)
    assert made.reasons == ["similar_name"] and made.origin == ntt.session.office.id
    assert _pair(mine, theirs) not in _pairs(ntt)
    with pytest.raises(PersonLinkRefused) as refused:
        links.link(ntt.session, mine.person.id, theirs.person.id)
    assert refused.value.code == "person_link_refused_already_linked"

    entry = _audit(ntt, "persons_linked")[0]
    assert entry["record_id"] == made.id
    detail = (
        json.dumps(entry["detail"]) if not isinstance(entry["detail"], str) else entry["detail"]
    )
    assert "KUP" in detail and "BEL" in detail and "Nahak" not in detail

    # a rescan does not propose the linked pair again
    links.scan(ntt.session)
    assert _pair(mine, theirs) not in _pairs(ntt)
    [view] = links.list_links(ntt.session)
    assert view.link.id == made.id and view.other_case_number == made.case_number_b


def test_persons_of_one_office_are_not_linked(trio):
    kup, bel, ntt, stick = trio
    one = _registered(kup, "Maria Goreti Bria")
    two = _registered(kup, "Maria Goreti Bria", dt.date(1990, 6, 1))
    _at_province(kup, bel, ntt, stick)
    with pytest.raises(PersonLinkRefused) as refused:
        links.link(ntt.session, one.person.id, two.person.id)
    assert refused.value.code == "person_link_refused_same_office"
    assert links.list_links(ntt.session) == []


def test_a_dismissed_pair_is_not_proposed_again_by_a_rescan(trio):
    kup, bel, ntt, stick = trio
    mine = _registered(kup, "Yohana Seran", dt.date(1988, 1, 1))
    theirs = _registered(bel, "Johana Seran", dt.date(1988, 3, 1))
    _at_province(kup, bel, ntt, stick)
    assert links.scan(ntt.session) == 1

    links.dismiss(ntt.session, mine.person.id, theirs.person.id)
    assert _pairs(ntt) == {}
    assert links.scan(ntt.session) == 0
    entry = _audit(ntt, "duplicates_dismissed")[0]
    assert "Seran" not in str(entry["detail"]) and "KUP" in str(entry["detail"])


def test_unlinking_needs_a_reason_and_is_audited(trio):
    kup, bel, ntt, stick = trio
    mine = _registered(kup, "Maria Goreti Bria", nik="5371014403990001")
    theirs = _registered(bel, "Maria Goretti Bria", nik="5371014403990001")
    _at_province(kup, bel, ntt, stick)
    made = links.link(ntt.session, mine.person.id, theirs.person.id)

    with pytest.raises(ValidationFailed) as short:
        links.unlink(ntt.session, made.id, "salah")
    assert short.value.problems[0].code == "too_short"
    assert len(links.list_links(ntt.session)) == 1

    links.unlink(ntt.session, made.id, "NIK salah ketik di kantor BEL")
    assert links.list_links(ntt.session) == []
    entry = _audit(ntt, "persons_unlinked")[0]
    assert entry["record_id"] == made.id and "Bria" not in str(entry["detail"])
    # unlinked, the pair is a candidate again at the next scan
    links.scan(ntt.session)
    assert _pair(mine, theirs) in _pairs(ntt)


def test_a_cancelled_scan_leaves_the_review_list_as_it_was(trio):
    kup, bel, ntt, stick = trio
    first = _registered(kup, "Yohana Seran", dt.date(1988, 1, 1))
    second = _registered(bel, "Johana Seran", dt.date(1988, 3, 1))
    _at_province(kup, bel, ntt, stick)
    links.scan(ntt.session)
    before = _pairs(ntt)
    links.dismiss(ntt.session, first.person.id, second.person.id)
    _registered(kup, "Maria Goreti Bria", nik="5371014403990001")
    _registered(bel, "Maria Bria", nik="5371014403990001")
    send(kup, ntt, stick)
    send(bel, ntt, stick)
    kept = {key: p.reasons for key, p in _pairs(ntt).items()}
    assert before and _pair(first, second) not in kept

    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # after the first page is read

    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        links.scan(ntt.session, progress=lambda d, t: seen.append((d, t)), cancelled=cancelled)
    assert {key: p.reasons for key, p in _pairs(ntt).items()} == kept
    assert seen and seen[0][1] > 0
    links.scan(ntt.session, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]  # done: the whole way
    assert any(p.reasons == ("same_nik", "similar_name") for p in _pairs(ntt).values())


def test_a_district_is_refused_the_province_s_check(trio):
    kup, _bel, _ntt, _stick = trio
    _registered(kup, "Maria Goreti Bria")
    for action in (
        lambda: links.scan(kup.session),
        lambda: links.candidates(kup.session),
        lambda: links.note_new_persons(kup.session, []),
    ):
        with pytest.raises(PersonLinkRefused) as refused:
            action()
        assert refused.value.code == "person_link_refused_province_only"


def test_a_case_worker_at_the_province_may_not_link(trio):
    kup, bel, ntt, stick = trio
    mine = _registered(kup, "Maria Goreti Bria", nik="5371014403990001")
    theirs = _registered(bel, "Maria Bria", nik="5371014403990001")
    _at_province(kup, bel, ntt, stick)
    add_account(ntt.session, "ani", "caseworker")
    with sign_in(ntt.folder, "ani", PASSWORD) as ani:
        with pytest.raises(NotPermitted):
            links.link(ani, mine.person.id, theirs.person.id)
        with pytest.raises(NotPermitted):
            links.scan(ani)


def test_new_persons_at_the_province_are_compared_with_other_offices_only(trio):
    kup, bel, ntt, stick = trio
    mine = _registered(kup, "Djuariah Nahak", dt.date(1990, 5, 1))
    sister = _registered(kup, "Juariah Nahak", dt.date(1990, 7, 1))  # KUP's own
    send(kup, ntt, stick)
    theirs = _registered(bel, "Juariah Nahak", dt.date(1991, 2, 11))
    send(bel, ntt, stick)

    with ntt.session.write():
        assert links.note_new_persons(ntt.session, [theirs.person.id]) == 2
    found = _pairs(ntt)
    assert _pair(mine, theirs) in found and _pair(sister, theirs) in found
    assert _pair(mine, sister) not in found
    assert found[_pair(mine, theirs)].reasons == ("similar_name",)


def test_each_district_sees_the_link_as_the_other_office_and_its_case_number(trio):
    kup, bel, ntt, stick = trio
    mine = _registered(kup, "Djuariah Nahak", dt.date(1990, 5, 1))
    theirs = _registered(bel, "Juariah Nahak", dt.date(1990, 9, 1))
    _at_province(kup, bel, ntt, stick)
    made = links.link(ntt.session, mine.person.id, theirs.person.id)
    send(ntt, kup, stick)
    send(ntt, bel, stick)

    [at_kup] = links.list_links(kup.session)
    assert at_kup.link.id == made.id and at_kup.other_person_id == theirs.person.id
    assert (at_kup.other_office_code, at_kup.other_case_number) == (
        "BEL",
        theirs.case.case_number,
    )
    [at_bel] = links.list_links(bel.session)
    assert (at_bel.other_office_code, at_bel.other_case_number) == ("KUP", mine.case.case_number)
    assert (
        kup.session.db.execute(
            "SELECT count(*) FROM persons WHERE id = ?", [theirs.person.id]
        ).fetchone()[0]
        == 0
    )


def test_the_scan_finds_what_comparing_every_pair_finds(tmp_path):
    """The blocks lose nothing the matching would find, on persons of the bench (names
    in several spellings and orders, parts left out, ages known or estimated): every pair
    of two offices that ``name_match`` and ``ages_compatible`` accept, compared one by
    one, is a candidate, and no other pair is."""
    import itertools

    from tests.helpers import Office
    from tipdesk.services.casework import duplicates
    from tipdesk.services.devtools.people_measures import bench_people
    from tipdesk.storage import benchmarks

    ntt = Office(tmp_path / "ntt", "NTT", "province", "53")
    offices = [ntt.session.office.id, "bench-office-00", "bench-office-01"]
    benchmarks.add_bench_offices(ntt.session.db, offices[1:])
    persons = list(bench_people(500, offices, seed=5, again=0.25))
    benchmarks.fill_people_register(ntt.session.db, persons)
    today = ntt.session.today()

    expected = set()
    made = {
        p[0]: (
            duplicates.normal_name(p[3]),
            r.Person(birth_date=dt.date.fromisoformat(p[5]) if p[5] else None, estimated_age=p[6]),
        )
        for p in persons
    }
    for a, b in itertools.combinations(persons, 2):
        if a[1] == b[1]:
            continue
        (name_a, person_a), (name_b, person_b) = made[a[0]], made[b[0]]
        compatible = duplicates.ages_compatible(person_a, person_b, today)
        similar, strong, _ = duplicates.name_match(name_a, name_b)
        if (a[7] and a[7] == b[7]) or (similar and (compatible or (compatible is None and strong))):
            expected.add(frozenset((a[0], b[0])))
    links.scan(ntt.session)
    found = set(_pairs(ntt))
    assert len(expected) > 60  # the re-registrations, and names that happen to be alike
    assert found == expected
    ntt.session.close()
