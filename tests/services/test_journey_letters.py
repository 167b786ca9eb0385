"""Letters of the case journey (issue 22): the request to LPSK and the handover record of
a return, on the referral letter's engine, numbering and archive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.helpers import TODAY, add_journey, letter_settings, new_case, provider
from tipdesk.domain import records as r
from tipdesk.domain.errors import ConsentToReferMissing, NotPermitted, OverrideReasonNeeded
from tipdesk.services import letters
from tipdesk.services.access import audit
from tipdesk.services.casework import cases, journey
from tipdesk.storage import letters as archive
from tipdesk.storage import rows

NIK = "5371015403990001"


@pytest.fixture
def office(session):
    letters.save_letter_settings(session, letter_settings())
    return session


def text(pdf: bytes) -> str:
    """All the text, with runs of white space (line breaks too) as one space."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return " ".join("\n".join(pages).split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def journey_case(session, *, consent=True, share=False, person=None, **overrides) -> dict:
    """A case with one record of each kind of the journey: ``{table: record}``."""
    file = new_case(
        session,
        {"nik": NIK, **(person or {})},
        consent_services=consent,
        consent_share=share,
        consent_date=TODAY if consent or share else None,
        consent_by="korban" if consent or share else "",
        **overrides,
    )
    added = add_journey(session, file.case.id)
    return {"case": file.case, **added}


def record_table(kind: str) -> str:
    return "lpsk_requests" if kind == letters.LPSK_REQUEST else "returns"


def counter(session) -> int:
    return archive.next_seq(session.db, TODAY.year)


# --- the request to LPSK ------------------------------------------------------------------


def test_lpsk_letter_says_everything_in_indonesian(office):
    made = journey_case(office)
    request = made["lpsk_requests"]
    letter = letters.issue(office, letters.LPSK_REQUEST, request.id)
    body = text(letter.pdf)
    assert letter.number == "400.2.3/1/UPTD-PPA/XI/2026"  # adult: born 1999
    for expected in (
        "PEMERINTAH KOTA KUPANG",
        "Kupang, 28 November 2026",
        "Nomor : 400.2.3/1/UPTD-PPA/XI/2026",
        "Rahasia",
        "Hal : Permohonan Perlindungan Saksi dan Korban",
        "Yth. Ketua Lembaga Perlindungan Saksi dan Korban (LPSK)",
        "di Jakarta",
        "Dengan hormat,",
        "mengajukan permohonan perlindungan",
        "M.G.B.",
        "27 tahun",
        "Bentuk perlindungan yang dimohon:",
        "1. Perlindungan fisik",
        "2. Fasilitasi restitusi",
        "Status perkara:",
        "Laporan Polisi (LP), Polda NTT, tanggal 5 Oktober 2026.",
        "memohon fasilitasi restitusi",
        "Permohonan restitusi telah diajukan pada 20 Oktober 2026 sebesar Rp85.000.000.",
        "Kepala UPTD PPA Kota Kupang,",
        "Yuliana Ndolu, S.Sos",
        "NIP. 197805122005012003",
        "Tembusan:",
        "2. Arsip",
    ):
        assert expected in body, expected
    # no consent to share identity: neither name, NIK nor the police report's number
    for hidden in ("Maria", "Bria", NIK, "LP/B/777"):
        assert hidden not in body, hidden
    assert page_count(letter.pdf) == 1
    assert rows.get(office.db, r.LpskRequest, request.id).letter_number == letter.number


def test_lpsk_letter_in_english_names_the_latest_step_and_the_identity_shared(office):
    made = journey_case(office, share=True, person={"birth_date": dt.date(2012, 5, 1)})
    journey.add_record(
        office,
        r.LegalStep(
            case_id=made["case"].id,
            kind="file_complete",
            step_on=dt.date(2026, 11, 10),
            authority="Kejati NTT",
        ),
    )
    letter = letters.issue(office, letters.LPSK_REQUEST, made["lpsk_requests"].id, language="en")
    body = text(letter.pdf)
    assert letter.number == "400.2.4/1/UPTD-PPA/XI/2026"  # a child: child protection
    for expected in (
        "Kupang, 28 November 2026",
        "Subject : Request for Protection of Witnesses and Victims",
        "To: The Chair of the Witness and Victim Protection Agency (LPSK)",
        "in Jakarta",
        "We hereby request protection for a victim of trafficking in persons",
        "Maria Goreti Bria",
        NIK,
        "A child (under 18 years of age)",
        "1. Physical protection",
        "2. Restitution facilitation",
        "State of the criminal case:",
        "Police report number LP/B/777/Qz/2026, Polda NTT, dated 5 October 2026.",
        "Latest step: File complete (P-21), Kejati NTT, dated 10 November 2026.",
        "Restitution was requested on 20 October 2026 for IDR 85,000,000.",
        "Copies to:",
    ):
        assert expected in body, expected
    assert "Laporan" not in body and "Rahasia" not in body


def test_lpsk_letter_without_legal_steps_or_restitution_says_so(office):
    file = new_case(office, consent_services=True, consent_date=TODAY, consent_by="korban")
    request = r.LpskRequest(
        case_id=file.case.id, requested_on=TODAY, protection_types=["medical_aid"]
    )
    journey.add_record(office, request)
    body = text(letters.draft(office, letters.LPSK_REQUEST, request.id).pdf)
    assert "Belum ada langkah perkara pidana yang tercatat." in body
    assert "1. Bantuan medis" in body
    assert "restitusi" not in body.replace("Fasilitasi restitusi", "")
    assert "DRAF" in body and "(diberikan saat surat diterbitkan)" in body


# --- the handover record -------------------------------------------------------------------


def test_handover_record_says_everything_in_indonesian(office):
    made = journey_case(office)
    back = made["returns"]
    back.handover_on = None
    journey.update_record(office, back)
    letter = letters.issue(office, letters.HANDOVER, back.id)
    body = text(letter.pdf)
    assert letter.number == "400.2.3/1/UPTD-PPA/XI/2026"
    for expected in (
        "PEMERINTAH KOTA KUPANG",
        "BERITA ACARA SERAH TERIMA",
        "KORBAN TINDAK PIDANA PERDAGANGAN ORANG",
        "Nomor: 400.2.3/1/UPTD-PPA/XI/2026",
        # 28 November 2026 is a Saturday
        "Pada hari ini Sabtu, tanggal dua puluh delapan bulan November tahun dua ribu dua "
        "puluh enam (28-11-2026), bertempat di Kupang",
        "Instansi : KP2MI/BP3MI",
        "selanjutnya disebut PIHAK PERTAMA",
        "Nama : Yuliana Ndolu, S.Sos",
        "Jabatan : Kepala UPTD PPA Kota Kupang",
        "selanjutnya disebut PIHAK KEDUA",
        "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA",
        "M.G.B.",
        "Daerah asal : Kota Kupang",
        "Tanggal berangkat : 3 Oktober 2026",
        "Tanggal tiba : 4 Oktober 2026",
        "rangkap 2 (dua)",
        "PIHAK PERTAMA,",
        "PIHAK KEDUA,",
        "Mengetahui,",
        "NIP. 197805122005012003",
    ):
        assert expected in body, expected
    for hidden in ("Maria", NIK, "yang masih berusia anak"):
        assert hidden not in body, hidden
    assert page_count(letter.pdf) == 1
    stored = rows.get(office.db, r.Return, back.id)
    assert (stored.handover_number, stored.handover_on) == (letter.number, TODAY)


def test_handover_record_in_english_for_a_child_keeps_the_handover_date(office):
    made = journey_case(office, share=True, person={"birth_date": dt.date(2011, 2, 3)})
    back = made["returns"]
    letter = letters.issue(office, letters.HANDOVER, back.id, language="en")
    body = text(letter.pdf)
    for expected in (
        "HANDOVER RECORD",
        "Number: 400.2.4/1/UPTD-PPA/XI/2026",
        # the return's own handover date, 4 October 2026, a Sunday
        "On this day, Sunday, 4 (four) October 2026 (two thousand and twenty-six) "
        "(04-10-2026), at Kupang",
        "Agency : Migrant worker agency (KP2MI/BP3MI)",
        "hereinafter the FIRST PARTY",
        "hereinafter the SECOND PARTY",
        "a victim of trafficking in persons who is a child",
        "Maria Goreti Bria",
        NIK,
        "A child (under 18 years of age)",
        "Home region : Kota Kupang",
        "FIRST PARTY,",
        "Witnessed by,",
    ):
        assert expected in body, expected
    stored = rows.get(office.db, r.Return, back.id)
    assert (stored.handover_number, stored.handover_on) == (letter.number, dt.date(2026, 10, 4))


# --- one engine: consent, numbering, archive ------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "table", "record_type"),
    [
        (letters.LPSK_REQUEST, "lpsk_requests", r.LpskRequest),
        (letters.HANDOVER, "returns", r.Return),
    ],
)
def test_without_consent_to_refer_nothing_is_issued_or_changed(office, kind, table, record_type):
    made = journey_case(office, consent=False)
    record = made[table]
    before = rows.get(office.db, record_type, record.id)
    seq = counter(office)
    with pytest.raises(ConsentToReferMissing):
        letters.coming_number(office, kind, record.id)
    with pytest.raises(ConsentToReferMissing):
        letters.issue(office, kind, record.id)
    office.user = dataclasses.replace(office.user, role="caseworker")
    with pytest.raises(NotPermitted):
        letters.issue(office, kind, record.id, override_reason="Korban anak dalam bahaya")
    office.user = dataclasses.replace(office.user, role="supervisor")
    with pytest.raises(OverrideReasonNeeded):
        letters.issue(office, kind, record.id, override_reason="darurat")
    assert counter(office) == seq
    assert rows.get(office.db, record_type, record.id) == before
    assert archive.for_record(office.db, kind, record.id) == []
    letter = letters.issue(
        office, kind, record.id, override_reason="Anak dalam bahaya; wali tidak dapat dihubungi"
    )
    assert letter.row.override_reason.startswith("Anak dalam bahaya")
    assert letter.row.kind == kind


@pytest.mark.parametrize("kind", [letters.LPSK_REQUEST, letters.HANDOVER])
def test_a_reprint_is_the_letter_as_issued_byte_for_byte(office, kind):
    made = journey_case(office)
    record = made[record_table(kind)]
    issued = letters.issue(office, kind, record.id, language="en")
    # the case changes after: the reprint still says what was issued
    file = cases.open_case(office, made["case"].case_number)
    file.person.sex = "male"
    cases.save_case_file(office, file.person, file.case)
    again = letters.reprint(office, kind, record.id)
    assert again.pdf == issued.pdf and again.number == issued.number
    with pytest.raises(letters.RecordHasLetter):
        letters.issue(office, kind, record.id)
    assert [x.number for x in letters.issued_for(office, kind, record.id)] == [issued.number]
    trail = audit.entries(office, limit=5)
    assert [(e.action, e.entity) for e in trail[:1]] == [("letter_reprinted", record_table(kind))]
    assert ("letter_issued", record_table(kind)) in [(e.action, e.entity) for e in trail]


def test_every_kind_takes_the_next_number_of_the_one_counter(office):
    made = journey_case(office)
    hospital = provider(office)
    referral = r.Referral(
        case_id=made["case"].id, provider_id=hospital.id, services_requested=["health"]
    )
    cases.add_referral(office, referral)
    first = letters.issue_letter(office, referral.id)
    coming = letters.coming_number(office, letters.LPSK_REQUEST, made["lpsk_requests"].id)
    second = letters.issue(
        office, letters.LPSK_REQUEST, made["lpsk_requests"].id, expected_number=coming
    )
    third = letters.issue(office, letters.HANDOVER, made["returns"].id)
    assert [first.number, second.number, third.number] == [
        "400.2.3/1/UPTD-PPA/XI/2026",
        "400.2.3/2/UPTD-PPA/XI/2026",
        "400.2.3/3/UPTD-PPA/XI/2026",
    ]
    listed = letters.list_letters(office)
    assert [(e.letter.kind, e.letter.number) for e in listed] == [
        ("handover", third.number),
        ("lpsk_request", second.number),
        ("referral", first.number),
    ]
    assert letters.next_number(office, referral.id, new=True) == "400.2.3/4/UPTD-PPA/XI/2026"
