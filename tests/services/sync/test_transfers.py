"""Handing a case to another office (issue 23), with three registers carrying real
batches: KUP and BEL, districts of the province NTT. KUP's case of Maria goes to BEL.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import (
    TODAY,
    Office,
    close_all,
    copy_offices,
    new_case,
    provider,
    send,
    set_case,
    stick_in,
    synced_rows,
)
from tipdesk.domain import records as r
from tipdesk.domain.errors import CaseReadOnly, TransferRefused, ValidationFailed
from tipdesk.services import sync
from tipdesk.services.casework import cases, transfers
from tipdesk.storage import transfers as transfer_store

REASON = "Korban pindah ke Belu dan dilayani di sana."
FILE_TABLES = ("persons", "cases", "services", "referrals", "case_notes")


@dataclass
class World:
    kup: Office
    bel: Office
    ntt: Office
    stick: Path
    file: r.CaseFile  # KUP's case of Maria
    older: str  # the number of Maria's earlier case at KUP

    def id(self, office: Office) -> str:
        return office.session.office.id

    @property
    def number(self) -> str:
        return self.file.case.case_number


@pytest.fixture(scope="module")
def started(tmp_path_factory, enrolled_trio):
    """The three offices (closed) after two full rounds: KUP's Maria has an earlier case
    and a current one with a service at KUP's own provider, a referral and a note; BEL
    has a case of its own."""
    where = tmp_path_factory.mktemp("transfers")
    kup, bel, ntt = copy_offices(enrolled_trio, where)
    older = new_case(kup.session, opened_on=TODAY.replace(month=3))
    file, _ = cases.add_case(kup.session, older.person.id, r.Case(opened_on=TODAY))
    clinic = provider(kup.session, name="Klinik Kupang")
    cases.add_service(
        kup.session,
        r.Service(case_id=file.case.id, service_type="health", provider_id=clinic.id),
    )
    cases.add_referral(
        kup.session,
        r.Referral(case_id=file.case.id, provider_id=clinic.id, services_requested=["health"]),
    )
    cases.add_note(kup.session, r.CaseNote(case_id=file.case.id, noted_on=TODAY, text="Kunjungan."))
    new_case(bel.session, {"full_name": "Yohana Seran", "nik": ""})
    world = World(
        kup,
        bel,
        ntt,
        stick_in(where),
        cases.open_case(kup.session, file.case.case_number),
        older.case.case_number,
    )
    for n in (1, 2):
        rounds(world, f"start{n}")
    close_all((kup, bel, ntt))
    return world


@pytest.fixture
def world(tmp_path, started):
    kup, bel, ntt = copy_offices((started.kup, started.bel, started.ntt), tmp_path)
    yield World(kup, bel, ntt, stick_in(tmp_path), copy.deepcopy(started.file), started.older)
    close_all((kup, bel, ntt))


def rounds(world: World, name: str, times: int = 1) -> None:
    """KUP->NTT, BEL->NTT, NTT->KUP, NTT->BEL, ``times`` over."""
    for n in range(times):
        for district in (world.kup, world.bel):
            send(district, world.ntt, world.stick / f"{name}-{n}-{district.code}-up.tipbatch")
        for district in (world.kup, world.bel):
            send(world.ntt, district, world.stick / f"{name}-{n}-{district.code}-down.tipbatch")


def file_rows(office: Office, person_id: str) -> dict[str, dict[str, dict]]:
    """Every row of the person's file at ``office``, by table and id."""
    ids = transfer_store.file_ids(office.session.db, person_id)
    return {
        table: {
            rid: row for rid, row in synced_rows(office.session, table).items() if rid in ids[table]
        }
        for table in FILE_TABLES
    }


def owners(office: Office, person_id: str) -> set[str]:
    return {
        row["origin"] for rows_ in file_rows(office, person_id).values() for row in rows_.values()
    }


def test_a_transfer_is_relayed_accepted_and_then_only_its_new_owner_edits(world):
    kup, bel, ntt = world.kup, world.bel, world.ntt
    person = world.file.person.id
    transfer = transfers.request(kup.session, world.number, "BEL", REASON)
    assert transfer.status == "requested" and transfer.hop == 1
    send(kup, ntt, world.stick)
    send(ntt, bel, world.stick)
    # BEL holds the whole file, read-only, while it decides: both of Maria's cases, the
    # service, referral and note, and KUP's provider they name.
    offered = file_rows(bel, person)
    assert offered == file_rows(kup, person)
    assert len(offered["cases"]) == 2 and offered["services"] and offered["case_notes"]
    assert owners(bel, person) == {world.id(kup)}
    [incoming] = transfers.list_transfers(bel.session)
    assert incoming.waiting_for_us and incoming.from_code == "KUP"
    assert incoming.case_number == world.number and incoming.cases_moving == 2
    with pytest.raises(CaseReadOnly):
        set_case(bel, world.number, summary="Diubah sebelum diterima.")

    transfers.accept(bel.session, world.number)
    set_case(bel, world.number, risk_level="high")
    assert owners(bel, person) == {world.id(bel)}
    send(bel, ntt, world.stick)
    send(ntt, kup, world.stick)
    assert owners(ntt, person) == owners(kup, person) == {world.id(bel)}
    assert cases.open_case(ntt.session, world.number).case.risk_level == "high"
    # The sender keeps a read-only copy, marked as handed over; it cannot change it.
    standing = transfers.standing(kup.session, world.file.case)
    assert standing.read_only and standing.transfer.to_code == "BEL"
    assert standing.transfer.transfer.status == "accepted"
    with pytest.raises(CaseReadOnly):
        set_case(kup, world.number, summary="Diubah setelah dilimpahkan.")
    with pytest.raises(CaseReadOnly):
        cases.add_note(
            kup.session, r.CaseNote(case_id=world.file.case.id, noted_on=TODAY, text="x")
        )
    # The scope follows the new owner: KUP sends nothing of the file any more, and the
    # province sends BEL's later edits to BEL only.
    assert sync.export_batch(kup.session, "NTT", world.stick).records.get("cases", 0) == 0
    set_case(bel, world.number, summary="Dilayani di Belu.")
    rounds(world, "after")
    assert cases.open_case(kup.session, world.number).case.summary != "Dilayani di Belu."
    assert file_rows(bel, person) == file_rows(ntt, person)


def test_a_declined_transfer_leaves_the_case_where_it_was(world):
    kup, bel, ntt = world.kup, world.bel, world.ntt
    person = world.file.person.id
    before = file_rows(kup, person)
    transfers.request(kup.session, world.number, "BEL", REASON)
    send(kup, ntt, world.stick)
    send(ntt, bel, world.stick)
    with pytest.raises(ValidationFailed):
        transfers.decline(bel.session, world.number, "tidak")
    transfers.decline(bel.session, world.number, "Bukan wilayah kami, korban di Kupang.")
    # BEL drops the copy it held to decide.
    assert file_rows(bel, person) == {table: {} for table in FILE_TABLES}
    rounds(world, "declined", times=2)
    assert file_rows(kup, person) == before == file_rows(ntt, person)
    [out] = transfers.list_transfers(kup.session)
    assert out.transfer.status == "declined" and out.direction == "outgoing"
    assert "Bukan wilayah" in out.transfer.decision_reason
    # KUP still owns and edits it; BEL never receives it again.
    set_case(kup, world.number, summary="Tetap di Kupang.")
    rounds(world, "later")
    assert cases.open_case(ntt.session, world.number).case.summary == "Tetap di Kupang."
    assert file_rows(bel, person) == {table: {} for table in FILE_TABLES}
    # Asked again later, the file is offered again, whole, and can be accepted.
    again = transfers.request(kup.session, world.number, "BEL", REASON)
    assert again.hop == 2
    rounds(world, "again")
    assert file_rows(bel, person) == file_rows(kup, person)
    transfers.accept(bel.session, world.number)
    rounds(world, "accepted")
    assert owners(kup, person) == owners(ntt, person) == {world.id(bel)}


def test_edits_racing_the_transfer_reach_the_new_owner(world):
    kup, bel, ntt = world.kup, world.bel, world.ntt
    person = world.file.person.id
    transfers.request(kup.session, world.number, "BEL", REASON)
    send(kup, ntt, world.stick)
    # KUP goes on working before it hears of the decision: an edit and a note...
    set_case(kup, world.number, summary="Catatan KUP setelah mengajukan.")
    note = r.CaseNote(case_id=world.file.case.id, noted_on=TODAY, text="Kunjungan kedua.")
    cases.add_note(kup.session, note)
    send(ntt, bel, world.stick)
    transfers.accept(bel.session, world.number)
    set_case(bel, world.number, risk_level="medium")
    # ... and its batch reaches the province after BEL's acceptance.
    send(bel, ntt, world.stick)
    send(kup, ntt, world.stick)
    rounds(world, "settle", times=2)
    for office in (ntt, bel):
        held = cases.open_case(office.session, world.number)
        assert held.case.summary == "Catatan KUP setelah mengajukan."
        assert held.case.risk_level == "medium"
        assert note.id in {n.id for n in held.notes}
    assert owners(ntt, person) == owners(bel, person) == owners(kup, person) == {world.id(bel)}
    assert file_rows(bel, person) == file_rows(ntt, person)


def test_the_same_field_edited_on_both_sides_goes_to_review_not_lost(world):
    kup, bel, ntt = world.kup, world.bel, world.ntt
    transfers.request(kup.session, world.number, "BEL", REASON)
    send(kup, ntt, world.stick)
    send(ntt, bel, world.stick)
    transfers.accept(bel.session, world.number)
    set_case(bel, world.number, summary="Versi BEL.")
    set_case(kup, world.number, summary="Versi KUP.")  # before KUP hears of it
    send(bel, ntt, world.stick)
    send(kup, ntt, world.stick)
    rounds(world, "settle", times=2)
    kept = {cases.open_case(o.session, world.number).case.summary for o in (ntt, bel)}
    assert len(kept) == 1
    values = {
        (c.local_value, c.remote_value)
        for office in (ntt, bel)
        for c in sync.list_conflicts(office.session)
    }
    assert any("Versi KUP." in pair and "Versi BEL." in pair for pair in values)


def test_batches_out_of_order_and_replayed_change_nothing_more(world):
    kup, bel, ntt = world.kup, world.bel, world.ntt
    transfers.request(kup.session, world.number, "BEL", REASON)
    send(kup, ntt, world.stick)
    first = ntt.export(bel, world.stick / "first.tipbatch")
    set_case(kup, world.number, summary="Sesudah kiriman pertama.")
    send(kup, ntt, world.stick)
    second = ntt.export(bel, world.stick / "second.tipbatch")
    # The second (cumulative) arrives first; the first, read late, takes nothing back.
    sync.import_batch(bel.session, second)
    sync.import_batch(bel.session, first)
    assert cases.open_case(bel.session, world.number).case.summary == "Sesudah kiriman pertama."
    assert sync.import_batch(bel.session, second).already_imported
    transfers.accept(bel.session, world.number)
    acceptance = bel.export(ntt, world.stick / "accept.tipbatch")
    sync.import_batch(ntt.session, acceptance)
    assert sync.import_batch(ntt.session, acceptance).already_imported
    # A gap: NTT's next batch after BEL acknowledged the first waits for the missing one.
    send(bel, ntt, world.stick)
    send(ntt, bel, world.stick)
    set_case(bel, world.number, summary="Di Belu.")
    missing = bel.export(ntt, world.stick / "missing.tipbatch")
    sync.import_batch(ntt.session, missing)
    send(ntt, bel, world.stick)
    set_case(bel, world.number, risk_level="high")
    rounds(world, "settle", times=2)
    assert owners(kup, world.file.person.id) == {world.id(bel)}
    held = cases.open_case(ntt.session, world.number).case
    assert (held.summary, held.risk_level) == ("Di Belu.", "high")


def test_a_lost_stick_is_healed_by_the_next_batch(world):
    kup, bel, ntt = world.kup, world.bel, world.ntt
    transfers.request(kup.session, world.number, "BEL", REASON)
    kup.export(ntt, world.stick / "lost.tipbatch")  # never arrives
    send(kup, ntt, world.stick)
    ntt.export(bel, world.stick / "lost-too.tipbatch")
    send(ntt, bel, world.stick)
    transfers.accept(bel.session, world.number)
    rounds(world, "settle", times=2)
    assert owners(kup, world.file.person.id) == {world.id(bel)}
    assert file_rows(bel, world.file.person.id) == file_rows(ntt, world.file.person.id)


def test_the_province_hands_over_on_its_own_authority_and_can_take_a_case(world):
    kup, bel, ntt = world.kup, world.bel, world.ntt
    person = world.file.person.id
    transfer = transfers.request(ntt.session, world.number, "BEL", REASON)
    assert transfer.status == "accepted" and transfer.decided_by == "admin"
    assert owners(ntt, person) == {world.id(bel)}
    rounds(world, "authority")
    assert owners(bel, person) == owners(kup, person) == {world.id(bel)}
    assert file_rows(bel, person) == file_rows(ntt, person)
    # BEL hands it to the province, which takes it itself.
    transfers.request(bel.session, world.number, "NTT", REASON)
    send(bel, ntt, world.stick)
    transfers.accept(ntt.session, world.number)
    rounds(world, "taken")
    assert owners(ntt, person) == owners(bel, person) == {world.id(ntt)}
    assert [t.hop for t in transfer_store.of_person(ntt.session.db, person)] == [1, 2]
    with pytest.raises(CaseReadOnly):
        set_case(bel, world.number, summary="BEL tidak lagi memegang.")


def test_requests_that_cannot_be_made_are_refused_and_change_nothing(world):
    kup = world.kup
    with pytest.raises(TransferRefused) as unknown:
        transfers.request(kup.session, world.number, "XYZ", REASON)
    assert unknown.value.code == "transfer_refused_unknown_office"
    with pytest.raises(TransferRefused):
        transfers.request(kup.session, world.number, "KUP", REASON)
    with pytest.raises(ValidationFailed):
        transfers.request(kup.session, world.number, "BEL", "pindah")
    assert transfers.list_transfers(kup.session) == []
    transfers.request(kup.session, world.number, "BEL", REASON)
    with pytest.raises(TransferRefused) as again:
        transfers.request(kup.session, world.older, "BEL", REASON)  # the same person
    assert again.value.code == "transfer_refused_already_open"
    with pytest.raises(TransferRefused):
        transfers.accept(kup.session, world.number)  # only the receiver decides


def test_a_person_both_districts_registered_is_found_at_import_linked_and_unlinked(world):
    from tipdesk.services.casework import people_links

    kup, bel, ntt = world.kup, world.bel, world.ntt
    nik = "5371015403990001"  # Maria's (born 14/03/1999 in Kupang), known at KUP...
    held = cases.open_case(kup.session, world.number)
    held.person.nik = nik
    cases.save_case_file(kup.session, held.person, held.case)
    send(kup, ntt, world.stick)
    # ... and BEL registers her again with it.
    theirs = new_case(bel.session, {"full_name": "Maria G. Bria", "nik": nik})
    summary = send(bel, ntt, world.stick)
    assert summary.candidates == 1  # found as the batch came in, no scan needed
    [pair] = people_links.candidates(ntt.session)
    assert "same_nik" in pair.reasons
    link = people_links.link(ntt.session, world.file.person.id, theirs.person.id)
    rounds(world, "linked")
    [at_kup] = people_links.links_of_person(kup.session, world.file.person.id)
    [at_bel] = people_links.links_of_person(bel.session, theirs.person.id)
    assert (at_kup.other_office_code, at_kup.other_case_number) == ("BEL", theirs.case.case_number)
    assert at_bel.other_office_code == "KUP" and at_bel.other_case_number in (
        world.number,
        world.older,
    )
    # Neither district holds anything of the other's person.
    assert theirs.person.id not in synced_rows(kup.session, "persons")
    assert world.file.person.id not in synced_rows(bel.session, "persons")
    # BEL may now ask for KUP's case: the link says where it is.
    people_links.unlink(ntt.session, link.id, "Ternyata dua orang yang berbeda.")
    rounds(world, "unlinked")
    assert people_links.links_of_person(kup.session, world.file.person.id) == []
    assert people_links.links_of_person(bel.session, theirs.person.id) == []


def test_the_person_export_names_the_transfer_and_erasure_reaches_the_copy_left_behind(world):
    from tests.helpers import erase, second_user
    from tipdesk.services.casework import privacy

    kup, bel, ntt = world.kup, world.bel, world.ntt
    person = world.file.person.id
    transfers.request(kup.session, world.number, "BEL", REASON)
    rounds(world, "asked")
    transfers.accept(bel.session, world.number)
    rounds(world, "accepted")
    supervisor = second_user(bel.session, "sari", "supervisor")
    try:
        data = privacy.person_data(supervisor, world.number)
    finally:
        supervisor.close()
    [transfer] = data["transfers"]
    assert transfer["reason"] == REASON and transfer["status"] == "accepted"
    # The new owner erases her: the copy KUP kept is erased too, and the transfer's reason.
    erase(bel.session, world.number)
    rounds(world, "erased", times=2)
    for office in (kup, ntt, bel):
        held = file_rows(office, person)
        alive = [
            (t, rid)
            for t, rows_ in held.items()
            for rid, row in rows_.items()
            if not row["deleted"]
        ]
        assert alive == [], office.code
        assert held["persons"][person]["full_name"] == "", office.code
        [t] = synced_rows(office.session, "transfers").values()
        assert t["deleted"] and t["reason"] == "", office.code


def test_a_transferred_files_documents_reach_the_new_owner_and_only_it(world):
    """Issue 24: the province relays the file's documents with their bytes; a declined
    copy drops them, bytes and all."""
    from tipdesk.services.casework import documents
    from tipdesk.storage import documents as document_store

    kup, bel, ntt = world.kup, world.bel, world.ntt
    data = b"%PDF-1.4\n" + bytes(range(256)) * 64
    doc = documents.attach(
        kup.session, world.number, data, kind="identity_card", file_name="ktp.pdf",
        attached_to="person",
    )  # fmt: skip
    transfers.request(kup.session, world.number, "BEL", REASON)
    send(kup, ntt, world.stick)
    send(ntt, bel, world.stick)
    assert document_store.read_bytes(bel.session.db, doc.id) == data
    transfers.decline(bel.session, world.number, "Bukan wilayah kami; korban di Kupang.")
    assert not document_store.has_bytes(bel.session.db, doc.id)
    rounds(world, "after")
    assert not document_store.has_bytes(bel.session.db, doc.id)
    assert document_store.read_bytes(kup.session.db, doc.id) == data
