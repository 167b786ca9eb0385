"""Batches signed by an enrolled office are still data from elsewhere: a buggy, stolen or
hostile office must not be able to write what is not its own, inject SQL, or store
values the forms would refuse. Each refusal leaves the register exactly as it was."""

from __future__ import annotations

import copy

import pytest

from tests.helpers import (
    close_all,
    copy_offices,
    new_case,
    received_upto,
    row,
    sealed_as,
    send,
    state,
    stick_in,
)
from tipdesk.domain.errors import BatchDamaged, BatchEntryRefused, BatchOverreach
from tipdesk.services import sync
from tipdesk.services.sync import reader as import_reader


def not_here(*args, **kwargs):
    raise AssertionError("the entries were read by the importing process")


@pytest.fixture(scope="module")
def sent(tmp_path_factory, enrolled_trio):
    """The trio (closed) once KUP and BEL have each sent NTT a case; and the two cases."""
    kup, bel, ntt = copy_offices(enrolled_trio, tmp_path_factory.mktemp("hostile"))
    stick = stick_in(kup.folder.parent)
    mine = new_case(kup.session, {"full_name": "Maria Goreti Bria"})
    theirs = new_case(bel.session, {"full_name": "Yohana Seran", "nik": ""}, summary="BEL summary")
    send(kup, ntt, stick / "k.tipbatch")
    send(bel, ntt, stick / "b.tipbatch")
    close_all((kup, bel, ntt))
    return (kup, bel, ntt), mine, theirs


@pytest.fixture(params=["read-here", "read-apart"])
def three(tmp_path, request, monkeypatch, sent):
    """KUP and BEL send to NTT; KUP is the one that misbehaves. Every test runs with the
    entries read by the importing process and by a second one (import_reader), which
    must refuse the same batches for the same reasons."""
    if request.param == "read-apart":
        monkeypatch.setattr(sync, "READ_APART_CHANGES", 0)
        # the second process imports its own, unpatched module
        monkeypatch.setattr(import_reader, "read_chunks", not_here)
    offices, mine, theirs = sent
    kup, bel, ntt = copy_offices(offices, tmp_path)
    yield kup, bel, ntt, copy.deepcopy(mine), copy.deepcopy(theirs)
    close_all((kup, bel, ntt))


def signed(sender, receiver, entries) -> bytes:
    """A correctly signed batch from ``sender`` holding whatever ``entries`` say."""
    high = received_upto(receiver, sender)
    return sealed_as(sender, receiver, entries, seq_from=high + 1, seq_to=high + 10**6)


def entry(table, values, *, rev=None, record_id=None, steps=None, op="update") -> dict:
    rev = rev or values["rev"][:-4] + "9999"
    return {
        "e": table,
        "id": record_id or values["id"],
        "op": op,
        "seq": 10**6,
        "base_rev": values["rev"],
        "rev": rev,
        "steps": steps if steps is not None else [[rev, ["*"]]],
        "before": {},
        "row": {**values, "rev": rev},
    }


def refused(kup, ntt, entries, error=BatchDamaged):
    before = state(ntt)
    with pytest.raises(error):
        sync.import_batch(ntt.session, signed(kup, ntt, entries))
    assert state(ntt) == before


def test_row_keys_never_become_sql(three):
    kup, _, ntt, mine, _ = three
    case = row(ntt, "cases", mine.case.id)
    injected = {**case, 'summary" = ?, "deleted" = 1 WHERE ? IS NOT NULL --': "x"}
    refused(kup, ntt, [entry("cases", injected)])
    steps_only = entry("cases", case, steps=[[case["rev"][:-4] + "9999", ['deleted" = 1 --']]])
    refused(kup, ntt, [steps_only])
    assert {c["deleted"] for c in ntt.session.db.query("SELECT deleted FROM cases")} == {0}


def test_an_office_writes_only_records_it_or_we_own(three):
    kup, bel, ntt, mine, theirs = three
    bel_case = row(ntt, "cases", theirs.case.id)
    # BEL's case, by its own id or hidden under the id of KUP's case
    refused(kup, ntt, [entry("cases", {**bel_case, "summary": "overwritten"})], BatchOverreach)
    refused(
        kup, ntt, [entry("cases", {**bel_case, "summary": "overwritten"}, record_id=mine.case.id)]
    )
    # a new case claiming to be BEL's, and the province's own office record
    new = {**bel_case, "id": "01a20000-0000-7000-8000-000000000001", "case_number": "X-1"}
    refused(kup, ntt, [{**entry("cases", new), "op": "insert", "base_rev": None}], BatchOverreach)
    office = row(ntt, "offices", ntt.session.office.id)
    refused(
        kup,
        ntt,
        [entry("offices", {**office, "name": "Hacked", "level": "district"})],
        BatchOverreach,
    )
    # moving its own case to another office
    refused(
        kup,
        ntt,
        [entry("cases", {**row(ntt, "cases", mine.case.id), "origin": bel.session.office.id})],
        BatchOverreach,
    )


@pytest.mark.parametrize(
    "change",
    [
        {"seq": "12"},
        {"seq": -1},
        {"op": "frobnicate"},
        {"rev": "0-bad"},
        {"rev": 5},
        {"steps": "nope"},
        {"steps": [["0-bad", ["*"]]]},
        {"before": []},
        {"row": [1, 2]},
        {"id": 7},
    ],
)
def test_malformed_entries_are_refused_whole(three, change):
    kup, _, ntt, mine, _ = three
    refused(kup, ntt, [{**entry("persons", row(ntt, "persons", mine.person.id)), **change}])


@pytest.mark.parametrize(
    "field, value",
    [
        ("full_name", "x" * 2_000_000),
        ("sex", "alien"),
        ("deleted", 7),
        ("birth_date", "yesterday"),
        ("estimated_age", "twelve"),
        ("full_name", 12),
    ],
)
def test_values_the_forms_would_refuse_are_refused(three, field, value):
    kup, _, ntt, mine, _ = three
    person = row(ntt, "persons", mine.person.id)
    refused(kup, ntt, [entry("persons", {**person, field: value})], BatchEntryRefused)
    fresh = {
        **person,
        "id": "01a20000-0000-7000-8000-0000000000aa",
        "register_number": "KUP-P-999999",
        field: value,
    }
    refused(
        kup, ntt, [{**entry("persons", fresh), "op": "insert", "base_rev": None}], BatchEntryRefused
    )


def test_content_the_tables_refuse_is_damage_not_a_crash(three):
    kup, _, ntt, mine, _ = three
    case = row(ntt, "cases", mine.case.id)
    orphan = {
        **case,
        "id": "01a20000-0000-7000-8000-0000000000bb",
        "case_number": "KUP-X",
        "person_id": "01a20000-0000-7000-8000-0000000000cc",
    }
    refused(
        kup, ntt, [{**entry("cases", orphan), "op": "insert", "base_rev": None}], BatchEntryRefused
    )
    refused(kup, ntt, [entry("cases", {**case, "case_number": None})])


def test_a_well_formed_edit_of_its_own_case_goes_in(three):
    """The batches above are refused for what they hold, not for how they are made."""
    kup, _, ntt, mine, _ = three
    case = row(ntt, "cases", mine.case.id)
    summary = sync.import_batch(
        ntt.session, signed(kup, ntt, [entry("cases", {**case, "summary": "a fair edit"})])
    )
    assert summary.applied == 1
    assert row(ntt, "cases", mine.case.id)["summary"] == "a fair edit"
