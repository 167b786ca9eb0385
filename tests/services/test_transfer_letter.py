"""The transfer letter (surat pelimpahan, issue 23) on the letter engine: written by the
office that asked for the transfer, addressed to the head of the receiving office, its
number carried to the other offices by the transfer itself, reprinted byte for byte, on
the office's one yearly counter. Three registers (KUP, BEL, their province NTT) carry
real batches."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import (
    TODAY,
    Office,
    close_all,
    copy_offices,
    letter_settings,
    new_case,
    provider,
    send,
    stick_in,
)
from tipdesk.domain import records as r
from tipdesk.domain.errors import TransferRefused
from tipdesk.domain.messages import describe_error
from tipdesk.services import letters
from tipdesk.services.access import audit
from tipdesk.services.casework import cases, transfers
from tipdesk.storage import letters as archive
from tipdesk.storage import rows

NIK = "5371015403990001"
REASON = "Korban kembali ke keluarganya di Atambua dan akan didampingi di sana."


@dataclass
class World:
    kup: Office
    bel: Office
    ntt: Office
    stick: Path
    first: str  # the case of Maria's that is asked for
    second: str  # another case of hers: it moves with the first


def full_round(world: World, name: str) -> None:
    """KUP->NTT, BEL->NTT, NTT->KUP, NTT->BEL."""
    for district in (world.kup, world.bel):
        send(district, world.ntt, world.stick / f"{name}-{district.code}.tipbatch")
    for district in (world.kup, world.bel):
        send(world.ntt, district, world.stick / f"{name}-to-{district.code}.tipbatch")


@pytest.fixture(scope="module")
def started(tmp_path_factory, enrolled_trio) -> World:
    """KUP holds two cases of Maria (consent to refer, not to share her identity); each
    office has its letter settings (BEL's head of office travels in its office record);
    after one full round every office knows the others."""
    where = tmp_path_factory.mktemp("transfer-letter")
    kup, bel, ntt = copy_offices(enrolled_trio, where)
    letters.save_letter_settings(kup.session, letter_settings())
    letters.save_letter_settings(
        bel.session,
        letter_settings(
            letterhead=["PEMERINTAH KABUPATEN BELU"],
            city="Atambua",
            signatory_title="Kepala UPTD PPA Kabupaten Belu",
            signatory_name="Agustinus Mali, S.H.",
            copies=["Arsip"],
        ),
    )
    letters.save_letter_settings(
        ntt.session,
        letter_settings(
            letterhead=["PEMERINTAH PROVINSI NUSA TENGGARA TIMUR"],
            signatory_title="Kepala UPTD PPA Provinsi NTT",
            signatory_name="Theresia Seran",
            copies=["Arsip"],
        ),
    )
    consent = dict(consent_services=True, consent_date=TODAY, consent_by="korban")
    first = new_case(kup.session, {"nik": NIK}, **consent)
    later = r.Case(opened_on=TODAY, intake_source="hotline", summary="Kasus kedua.", **consent)
    second, _ = cases.add_case(kup.session, first.person.id, later)
    world = World(kup, bel, ntt, stick_in(where), first.case.case_number, second.case.case_number)
    full_round(world, "start")
    close_all((kup, bel, ntt))
    return world


@pytest.fixture
def world(tmp_path, started):
    kup, bel, ntt = copy_offices((started.kup, started.bel, started.ntt), tmp_path)
    yield World(kup, bel, ntt, stick_in(tmp_path), started.first, started.second)
    close_all((kup, bel, ntt))


def text(pdf: bytes) -> str:
    """All the text, with runs of white space (line breaks too) as one space."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return " ".join("\n".join(pages).split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def counter(office: Office) -> int:
    return archive.next_seq(office.session.db, TODAY.year)


def asked(world: World) -> r.Transfer:
    return transfers.request(world.kup.session, world.first, "BEL", REASON)


def relay(world: World, sender: Office, receiver: Office, name: str) -> None:
    """``sender``'s batch to ``receiver`` through the province."""
    send(sender, world.ntt, world.stick / f"{name}-1.tipbatch")
    send(world.ntt, receiver, world.stick / f"{name}-2.tipbatch")


def test_the_letter_says_who_hands_what_to_whom_in_indonesian(world):
    transfer = asked(world)
    letter = letters.issue(world.kup.session, letters.TRANSFER, transfer.id)
    body = text(letter.pdf)
    assert letter.number == "400.2.3/1/UPTD-PPA/XI/2026"
    for expected in (
        "PEMERINTAH KOTA KUPANG",
        "Kupang, 28 November 2026",
        "Nomor : 400.2.3/1/UPTD-PPA/XI/2026",
        "Sifat : Rahasia",
        "Hal : Pelimpahan Penanganan Kasus",
        # the head of the receiving office, from its office record (it travelled)
        "Yth. Kepala UPTD PPA Kabupaten Belu",
        "Kantor BEL",
        "Agustinus Mali, S.H.",
        "di Belu",
        "melimpahkan penanganan kasus tindak pidana perdagangan orang dari Kantor KUP "
        "kepada Kantor BEL",
        "M.G.B.",
        "27 tahun",
        "Kasus yang dilimpahkan:",
        f"1. {world.first}",
        f"2. {world.second}",
        "Alasan pelimpahan:",
        REASON,
        "menyusul melalui Kantor NTT",
        "mohon kesediaan Saudara untuk menerima pelimpahan ini dan mengonfirmasi penerimaannya",
        "Kepala UPTD PPA Kota Kupang,",
        "Yuliana Ndolu, S.Sos",
        "NIP. 197805122005012003",
        "Tembusan:",
    ):
        assert expected in body, expected
    # no consent to share her identity: neither her name nor her NIK
    for hidden in ("Maria", "Bria", NIK):
        assert hidden not in body, hidden
    assert page_count(letter.pdf) == 1
    stored = rows.get(world.kup.session.db, r.Transfer, transfer.id)
    assert stored.letter_number == letter.number and stored.status == "requested"
    trail = audit.entries(world.kup.session, limit=3)
    assert (trail[0].action, trail[0].entity, trail[0].detail["kind"]) == (
        "letter_issued",
        "transfers",
        "transfer",
    )


def test_in_english_the_name_shows_only_with_consent_to_share(world):
    cases.update_case_fields(world.kup.session, world.first, {"consent_share": "yes"})
    transfer = asked(world)
    letter = letters.issue(world.kup.session, letters.TRANSFER, transfer.id, language="en")
    body = text(letter.pdf)
    for expected in (
        "Subject : Transfer of a Case",
        "To: Kepala UPTD PPA Kabupaten Belu",
        "in Belu",
        "We hereby transfer the handling of a case of trafficking in persons from Kantor "
        "KUP to Kantor BEL",
        "Maria Goreti Bria",
        NIK,
        "Cases transferred:",
        f"2. {world.second}",
        "Reason for the transfer:",
        REASON,
        "follow through Kantor NTT",
        "We ask you to accept this transfer and to confirm your acceptance to us.",
        "Copies to:",
    ):
        assert expected in body, expected
    assert "Pelimpahan" not in body and "Rahasia" not in body
    assert letter.row.includes_identity


def test_the_number_travels_with_the_transfer_and_the_reprint_is_the_letter_as_issued(world):
    transfer = asked(world)
    issued = letters.issue(world.kup.session, letters.TRANSFER, transfer.id, language="en")
    relay(world, world.kup, world.bel, "ask")
    offered = rows.get(world.bel.session.db, r.Transfer, transfer.id)
    assert offered.letter_number == issued.number
    transfers.accept(world.bel.session, world.first)
    relay(world, world.bel, world.kup, "accept")
    kup = world.kup.session
    done = rows.get(kup.db, r.Transfer, transfer.id)
    assert (done.status, done.letter_number) == ("accepted", issued.number)
    # the case is a read-only copy at KUP now; its letter is still KUP's to reprint
    again = letters.reprint(kup, letters.TRANSFER, transfer.id)
    assert again.pdf == issued.pdf and again.number == issued.number
    with pytest.raises(letters.RecordHasLetter):
        letters.issue(kup, letters.TRANSFER, transfer.id)
    assert audit.entries(kup, limit=1)[0].action == "letter_reprinted"


def test_only_the_office_that_asked_writes_the_letter(world):
    transfer = asked(world)
    relay(world, world.kup, world.bel, "ask")
    for office in (world.bel, world.ntt):  # the receiver, and the province relaying it
        before = counter(office)
        for attempt in (letters.draft, letters.issue):
            with pytest.raises(TransferRefused) as refused:
                attempt(office.session, letters.TRANSFER, transfer.id)
            assert describe_error(refused.value, "en") == (
                f"The transfer letter of case {world.first} is written by the office that "
                "asked for the transfer, not by this office."
            )
        assert counter(office) == before
        assert archive.for_record(office.session.db, letters.TRANSFER, transfer.id) == []
        assert rows.get(office.session.db, r.Transfer, transfer.id).letter_number == ""


def test_a_declined_transfer_gets_no_letter_but_keeps_the_one_it_had(world):
    kup = world.kup.session
    other = new_case(
        kup,
        {"full_name": "Yohana Seran", "nik": ""},
        consent_services=True,
        consent_date=TODAY,
        consent_by="korban",
    ).case.case_number
    bare = asked(world)
    lettered = transfers.request(kup, other, "BEL", REASON)
    issued = letters.issue(kup, letters.TRANSFER, lettered.id)
    relay(world, world.kup, world.bel, "ask")
    for number in (world.first, other):
        transfers.decline(world.bel.session, number, "Korban tidak tinggal di Belu lagi.")
    relay(world, world.bel, world.kup, "decline")
    assert rows.get(kup.db, r.Transfer, bare.id).status == "declined"
    before = counter(world.kup)
    for attempt in (letters.issue, letters.draft, letters.coming_number):
        with pytest.raises(TransferRefused) as refused:
            attempt(kup, letters.TRANSFER, bare.id)
        assert describe_error(refused.value, "en") == (
            f"The transfer of case {world.first} was declined; no transfer letter is issued "
            "for it any more."
        )
    # the letter issued before the decline: reprinted as it was, never a new one
    assert letters.reprint(kup, letters.TRANSFER, lettered.id).pdf == issued.pdf
    with pytest.raises(TransferRefused):
        letters.issue(kup, letters.TRANSFER, lettered.id, new=True)
    assert counter(world.kup) == before
    assert rows.get(kup.db, r.Transfer, bare.id).letter_number == ""


def test_a_province_writes_the_letter_of_a_transfer_it_decided(world):
    ntt = world.ntt.session
    transfer = transfers.request(ntt, world.first, "BEL", REASON)
    assert transfer.status == "accepted"  # the province's own authority
    body = text(letters.issue(ntt, letters.TRANSFER, transfer.id).pdf)
    for expected in (
        "PEMERINTAH PROVINSI NUSA TENGGARA TIMUR",
        "Yth. Kepala UPTD PPA Kabupaten Belu",
        "dari Kantor KUP kepada Kantor BEL",
        f"1. {world.first}",
        f"2. {world.second}",
        "menyusul melalui kantor kami",
        "Pelimpahan ini kami tetapkan sesuai kewenangan provinsi.",
        "mengonfirmasi kepada kami bahwa berkas kasus telah diterima",
        "Theresia Seran",
    ):
        assert expected in body, expected


def test_every_kind_shares_the_one_counter(world):
    kup = world.kup.session
    case = cases.open_case(kup, world.first)
    hospital = provider(kup)
    referral = r.Referral(
        case_id=case.case.id, provider_id=hospital.id, services_requested=["health"]
    )
    cases.add_referral(kup, referral)
    first = letters.issue_letter(kup, referral.id)
    transfer = asked(world)
    coming = letters.coming_number(kup, letters.TRANSFER, transfer.id)
    second = letters.issue(kup, letters.TRANSFER, transfer.id, expected_number=coming)
    assert [first.number, second.number] == [
        "400.2.3/1/UPTD-PPA/XI/2026",
        "400.2.3/2/UPTD-PPA/XI/2026",
    ]
    listed = letters.list_letters(kup)
    assert [(e.letter.kind, e.letter.number, e.case_number) for e in listed] == [
        ("transfer", second.number, world.first),
        ("referral", first.number, world.first),
    ]


def test_a_letter_issued_after_the_request_left_reaches_the_receiver(world):
    transfer = asked(world)
    relay(world, world.kup, world.bel, "ask")
    assert rows.get(world.bel.session.db, r.Transfer, transfer.id).letter_number == ""
    issued = letters.issue(world.kup.session, letters.TRANSFER, transfer.id)
    relay(world, world.kup, world.bel, "letter")
    for office in (world.ntt, world.bel):
        arrived = rows.get(office.session.db, r.Transfer, transfer.id)
        assert (arrived.letter_number, arrived.status) == (issued.number, "requested")
