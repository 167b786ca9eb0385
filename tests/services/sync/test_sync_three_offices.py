"""A province and two districts (DESIGN.md section 5b, issue 18): after each attack by a
misbehaving district, refused (or held) with nothing changed, a full round of honest
exports and imports converges, and no district ever holds the other district's records.

KUP misbehaves, with its own real keys, through the project's envelope code; BEL and the
province NTT are honest.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import (
    TODAY,
    Office,
    close_all,
    copy_offices,
    new_case,
    row,
    send,
    set_case,
    state,
    stick_in,
    synced_rows,
)
from tests.services.sync.test_sync_hostile import entry, signed
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    BatchEntryRefused,
    BatchOverreach,
    BatchSequenceWrong,
    TipdeskError,
)
from tipdesk.security import batch as envelope
from tipdesk.services import sync
from tipdesk.services.casework import cases
from tipdesk.services.devtools.demo import add_demo_cases

SYNCED = ("offices", "providers", "persons", "cases", "services", "referrals", "case_notes")
CASE_DATA = ("persons", "cases", "services", "referrals", "case_notes")
CHILDREN = ("services", "referrals", "case_notes")


@dataclass
class Three:
    kup: Office
    bel: Office
    ntt: Office
    stick: Path
    mine: r.CaseFile  # a case of KUP's
    note: r.CaseNote  # a note on it
    theirs: r.CaseFile  # a case of BEL's
    province: r.CaseFile  # a case of the province's own

    def office_id(self, office: Office) -> str:
        return office.session.office.id


@pytest.fixture(scope="module")
def started(tmp_path_factory, enrolled_trio):
    """The three offices (closed) after a first full round; and KUP's and BEL's cases."""
    where = tmp_path_factory.mktemp("three")
    kup, bel, ntt = copy_offices(enrolled_trio, where)
    # KUP has more than sync.MASS_DELETE_MIN cases, so deleting them all is a mass delete.
    add_demo_cases(kup.session, sync.MASS_DELETE_MIN + 2, seed=31)
    mine = new_case(kup.session, {"full_name": "Maria Goreti Bria"})
    note = r.CaseNote(case_id=mine.case.id, noted_on=TODAY, text="Kunjungan rumah.")
    cases.add_note(kup.session, note)
    add_demo_cases(bel.session, 3, seed=32)
    theirs = new_case(bel.session, {"full_name": "Yohana Seran", "nik": ""}, summary="BEL summary")
    province = new_case(
        ntt.session, {"full_name": "Yosefina Laka", "nik": ""}, summary="Kasus provinsi."
    )
    world = Three(kup, bel, ntt, stick_in(where), mine, note, theirs, province)
    full_round(world, "start")
    close_all((kup, bel, ntt))
    return world


@pytest.fixture
def three(tmp_path, started):
    """A copy of ``started`` of the test's own, each office signed in as its admin."""
    kup, bel, ntt = copy_offices((started.kup, started.bel, started.ntt), tmp_path)
    cases_made = (started.mine, started.note, started.theirs, started.province)
    yield Three(kup, bel, ntt, stick_in(tmp_path), *copy.deepcopy(cases_made))
    close_all((kup, bel, ntt))


def owners(office: Office, province: Office) -> dict[str, dict[str, str]]:
    """Per synced table, each record's owner at ``office``: its origin, and for a
    service, referral or note the origin of its case (looked up at the province, which
    holds every case)."""
    case_owner = {cid: c["origin"] for cid, c in synced_rows(province.session, "cases").items()}
    case_owner.update({cid: c["origin"] for cid, c in synced_rows(office.session, "cases").items()})
    return {
        table: {
            rid: (case_owner.get(values["case_id"], "?") if table in CHILDREN else values["origin"])
            for rid, values in synced_rows(office.session, table).items()
        }
        for table in SYNCED
    }


def holds_nothing_of(world: Three, district: Office, other: Office) -> None:
    """``district`` holds no record of ``other`` (nor the province's own cases and
    persons) in any synced table."""
    theirs = world.office_id(other)
    for table, owner in owners(district, world.ntt).items():
        if table == "offices":
            # The province's other offices are sent as references (issue 23: a district
            # names the office it hands a case to); an office record holds no case data.
            assert set(owner) <= {world.office_id(o) for o in (world.kup, world.bel, world.ntt)}
            continue
        foreign = sorted(rid for rid, office in owner.items() if office == theirs)
        assert not foreign, (district.code, table, foreign)
    for table in ("persons", "cases"):
        province_own = [
            rid
            for rid, values in synced_rows(district.session, table).items()
            if values["origin"] == world.office_id(world.ntt)
        ]
        assert not province_own, (district.code, table, province_own)


def to_district(world: Three, district: Office, name: str) -> None:
    send(world.ntt, district, world.stick / f"{name}-to-{district.code}.tipbatch")
    holds_nothing_of(world, district, world.bel if district is world.kup else world.kup)


def full_round(world: Three, name: str) -> None:
    """KUP->NTT, BEL->NTT, NTT->KUP, NTT->BEL, and the same once more."""
    for n in (1, 2):
        for district in (world.kup, world.bel):
            send(district, world.ntt, world.stick / f"{name}-{n}-{district.code}.tipbatch")
        for district in (world.kup, world.bel):
            to_district(world, district, f"{name}-{n}")


def converged(world: Three) -> None:
    """The province holds every case of both districts as they hold them; each district
    holds exactly its own records (with the province's edits), none of the other's."""
    at_province = owners(world.ntt, world.ntt)
    for district in (world.kup, world.bel):
        mine = world.office_id(district)
        for table in CASE_DATA:
            theirs = synced_rows(district.session, table)
            expected = {
                rid: values
                for rid, values in synced_rows(world.ntt.session, table).items()
                if at_province[table][rid] == mine
            }
            assert theirs == expected, (district.code, table, sorted(set(theirs) ^ set(expected)))
        holds_nothing_of(world, district, world.bel if district is world.kup else world.kup)


# --- the attacks ---------------------------------------------------------------------------


def new_id() -> str:
    return str(uuid.uuid4())


def inserted(table: str, values: dict) -> dict:
    return {**entry(table, values), "op": "insert", "base_rev": None}


def case_claiming_the_province(w: Three) -> list[dict]:
    case = row(w.ntt, "cases", w.mine.case.id)
    return [
        inserted(
            "cases",
            {**case, "id": new_id(), "case_number": "KUP-2026-09901", "origin": w.office_id(w.ntt)},
        )
    ]


def edit_of_a_province_case(w: Three) -> list[dict]:
    case = row(w.ntt, "cases", w.province.case.id)
    return [entry("cases", {**case, "summary": "Diubah oleh kabupaten.", "status": "active"})]


def delete_of_a_province_case(w: Three) -> list[dict]:
    case = row(w.ntt, "cases", w.province.case.id)
    return [{**entry("cases", {**case, "deleted": 1}), "op": "delete"}]


def note_on_the_other_district_s_case(w: Three) -> list[dict]:
    note = row(w.ntt, "case_notes", w.note.id)
    return [inserted("case_notes", {**note, "id": new_id(), "case_id": w.theirs.case.id})]


def case_of_the_other_district_s_person(w: Three) -> list[dict]:
    case = row(w.ntt, "cases", w.mine.case.id)
    return [
        inserted(
            "cases",
            {
                **case,
                "id": new_id(),
                "case_number": "KUP-2026-09902",
                "person_id": w.theirs.person.id,
            },
        )
    ]


def own_case_moved_to_the_other_district_s_person(w: Three) -> list[dict]:
    case = row(w.ntt, "cases", w.mine.case.id)
    return [entry("cases", {**case, "person_id": w.theirs.person.id})]


def referral_to_the_other_district_s_provider(w: Three) -> list[dict]:
    """KUP's own referral naming a provider of BEL's (which KUP cannot hold): the
    province would then send BEL's provider to KUP with KUP's referrals."""
    bel = w.office_id(w.bel)
    provider = next(
        values
        for values in synced_rows(w.ntt.session, "providers").values()
        if values["origin"] == bel
    )
    kup = w.office_id(w.kup)
    referral = next(
        values
        for values in synced_rows(w.ntt.session, "referrals").values()
        if values["origin"] == kup
    )
    return [
        entry(
            "referrals", {**row(w.ntt, "referrals", referral["id"]), "provider_id": provider["id"]}
        )
    ]


def before_of_two_megabytes(w: Three) -> list[dict]:
    case = row(w.ntt, "cases", w.mine.case.id)
    edit = entry(
        "cases", {**case, "risk_level": "low"}, steps=[[case["rev"][:-4] + "9999", ["risk_level"]]]
    )
    return [{**edit, "before": {"risk_level": "medium", "summary": "x" * 2_000_000}}]


def every_case_deleted(w: Three) -> list[dict]:
    kup = w.office_id(w.kup)
    return [
        {**entry("cases", {**values, "deleted": 1}), "op": "delete"}
        for values in synced_rows(w.ntt.session, "cases").values()
        if values["origin"] == kup and not values["deleted"]
    ]


def seq_to_of_ten_to_the_fifteenth(w: Three) -> bytes:
    """KUP's real next batch (an edit of its case), signed again claiming seq_to 10**15."""
    set_case(w.kup, w.mine.case.case_number, summary="Ringkasan sebelum seq palsu.")
    honest = w.kup.export(w.ntt, w.stick / "honest.tipbatch").read_bytes()
    manifest, changes, _ = sync._open(w.ntt.session, honest)
    our = sync._secrets(w.kup.session)
    card = sync.our_card(w.ntt.session)
    return envelope.seal(
        origin=manifest.origin,
        origin_code=manifest.origin_code,
        destination=manifest.destination,
        destination_fingerprint=manifest.destination_fingerprint,
        seq_from=manifest.seq_from,
        seq_to=10**15,
        ack_upto=manifest.ack_upto,
        schema_version=manifest.schema_version,
        counts=manifest.counts,
        profile=manifest.profile,
        changes=b"\n".join(changes.lines()) + b"\n",
        signing_key=our.signing_key,
        recipients=[card.age_recipient],
        audit_head=manifest.audit_head,
        anchor=manifest.anchor or None,
    )


# The attack, and how the province answers: the refusal (and the field it names, if it
# names one), or "mass_delete" for a batch held in the inbox for an administrator.
ATTACKS = {
    "case claiming the province's origin": (case_claiming_the_province, BatchOverreach, None),
    "edit of a province case's summary and status": (edit_of_a_province_case, BatchOverreach, None),
    "delete of a province case": (delete_of_a_province_case, BatchOverreach, None),
    "note on BEL's case": (note_on_the_other_district_s_case, BatchOverreach, None),
    "new case of BEL's person": (
        case_of_the_other_district_s_person,
        (BatchEntryRefused, BatchOverreach),
        "person_id",
    ),
    "own case moved to BEL's person": (
        own_case_moved_to_the_other_district_s_person,
        (BatchEntryRefused, BatchOverreach),
        "person_id",
    ),
    "referral to BEL's provider": (
        referral_to_the_other_district_s_provider,
        (BatchEntryRefused, BatchOverreach),
        "provider_id",
    ),
    "manifest seq_to 10**15": (seq_to_of_ten_to_the_fifteenth, BatchSequenceWrong, None),
    "before value of 2 MB": (before_of_two_megabytes, BatchEntryRefused, "summary"),
    "every case deleted": (every_case_deleted, "mass_delete", None),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_after_an_attack_an_honest_round_converges_and_no_district_sees_the_other(three, attack):
    w = three
    forge, outcome, field = ATTACKS[attack]
    made = forge(w)
    batch = made if isinstance(made, bytes) else signed(w.kup, w.ntt, made)
    before, waiting = state(w.ntt), sync.list_inbox(w.ntt.session)
    if outcome == "mass_delete":
        summary = sync.import_batch(w.ntt.session, batch)
        assert summary.held == "mass_delete" and summary.waiting
        [held] = [item for item in sync.list_inbox(w.ntt.session) if item not in waiting]
        assert (held.held, held.peer_code) == ("mass_delete", "KUP")
    else:
        with pytest.raises(outcome) as refused:
            sync.import_batch(w.ntt.session, batch)
        error = refused.value
        assert isinstance(error, TipdeskError)
        if not isinstance(error, BatchSequenceWrong):
            # The refusal names the office, the record and (for a value) the field.
            assert error.params.get("office") == "KUP"
            assert error.params.get("record") in {e["id"] for e in made}
        if isinstance(error, BatchEntryRefused):
            assert error.params.get("field") == field
        assert sync.list_inbox(w.ntt.session) == waiting
    assert state(w.ntt) == before

    # Honest work everywhere, then a full round.
    kup_number = w.mine.case.case_number
    set_case(w.kup, kup_number, summary="Ringkasan baru dari Kupang.")
    cases.add_note(
        w.kup.session,
        r.CaseNote(case_id=w.mine.case.id, noted_on=TODAY, text="Catatan setelah serangan."),
    )
    new_bel = new_case(w.bel.session, {"full_name": "Agustina Bani", "nik": ""})
    set_case(w.ntt, kup_number, risk_level="high")
    set_case(w.ntt, w.theirs.case.case_number, risk_level="low")
    full_round(w, "after")
    converged(w)

    kup_case, bel_case = w.kup.case(kup_number), w.bel.case(w.theirs.case.case_number)
    assert (kup_case.case.summary, kup_case.case.risk_level) == (
        "Ringkasan baru dari Kupang.",
        "high",
    )
    assert bel_case.case.risk_level == "low"
    at_province = w.ntt.case(kup_number)
    assert (at_province.case.summary, at_province.case.risk_level) == (
        "Ringkasan baru dari Kupang.",
        "high",
    )
    assert "Catatan setelah serangan." in [n.text for n in at_province.notes]
    assert w.ntt.case(new_bel.case.case_number).person.full_name == "Agustina Bani"
    province_case = w.ntt.case(w.province.case.case_number).case
    assert (province_case.summary, province_case.status, province_case.deleted) == (
        "Kasus provinsi.",
        w.province.case.status,
        False,
    )
    kup_id = w.office_id(w.kup)
    assert (
        sum(
            1
            for c in synced_rows(w.ntt.session, "cases").values()
            if c["origin"] == kup_id and not c["deleted"]
        )
        == sync.MASS_DELETE_MIN + 3
    )


def test_the_province_s_edit_of_a_district_case_reaches_that_district_only(three):
    w = three
    number = w.mine.case.case_number
    f = w.ntt.case(number)
    f.case.risk_level = "high"
    cases.save_case_file(w.ntt.session, f.person, f.case)
    to_district(w, w.bel, "edit")
    assert number not in {c["case_number"] for c in synced_rows(w.bel.session, "cases").values()}
    to_district(w, w.kup, "edit")
    assert w.kup.case(number).case.risk_level == "high"
    full_round(w, "after")
    converged(w)


def test_a_held_mass_delete_reports_nothing_applied(three):
    """What ``tipdesk import --json`` prints of a held batch: nothing of it was applied."""
    w = three
    summary = sync.import_batch(w.ntt.session, signed(w.kup, w.ntt, every_case_deleted(w)))
    assert summary.held == "mass_delete"
    assert (summary.applied, summary.merged, summary.conflicts) == (0, 0, 0)
