"""Referral letters: content read back from the PDF, numbering, consent, archive, replies."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import io
import multiprocessing
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import PASSWORD, TODAY, letter_settings, new_case, provider
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    ConsentToReferMissing,
    DocumentRefused,
    IdentityConsentWithdrawn,
    LetterAlreadyIssued,
    LetterDamaged,
    LetterLanguageDiffers,
    LetterSettingsIncomplete,
    NoLetterIssued,
    NotPermitted,
    OverrideReasonNeeded,
    ReplyNotAllowed,
    ValidationFailed,
)
from tipdesk.domain.letters import ROMAN_MONTHS, long_date, sent_without_letter
from tipdesk.services import letters
from tipdesk.services.casework import cases, documents, listing
from tipdesk.services.pdf.styles import unprintable
from tipdesk.services.register import open_register
from tipdesk.storage import rows

NIK = "5371015403990001"


@pytest.fixture
def office(session):
    letters.save_letter_settings(session, letter_settings())
    return session


def referral(
    session,
    *,
    consent=True,
    share=False,
    reason="Perlu pemeriksaan visum.",
    person_overrides=None,
    **referral_overrides,
) -> r.Referral:
    person = {"nik": NIK, **(person_overrides or {})}
    file = new_case(
        session,
        person,
        consent_services=consent,
        consent_share=share,
        consent_date=TODAY if consent or share else None,
        consent_by="korban" if consent or share else "",
    )
    hospital = provider(session, contact_title="Direktur")
    values = dict(
        case_id=file.case.id,
        provider_id=hospital.id,
        services_requested=["health", "psychological"],
        reason=reason,
        urgency="urgent",
    )
    values.update(referral_overrides)
    ref = r.Referral(**values)
    cases.add_referral(session, ref)
    return ref


# --- reading PDFs back --------------------------------------------------------------------


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    """All the text, with runs of white space (line breaks too) as one space."""
    return " ".join("\n".join(pages(pdf)).split())


def runs(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, x, y) of each text run of a page, y growing upwards."""
    found: list[tuple[str, float, float]] = []

    def visit(t, cm, tm, _font, _size):
        if t.strip():  # the text matrix's origin through the current transformation
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((t.strip(), x, y))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def where(pdf: bytes, needle: str, page: int = 0) -> tuple[float, float]:
    hits = [(x, y) for t, x, y in runs(pdf, page) if needle in t]
    assert hits, f"{needle!r} not on page {page + 1}"
    return hits[0]


# --- the letter ----------------------------------------------------------------------------


def test_issued_letter_says_everything_in_its_place(office):
    ref = referral(office)
    letter = letters.issue_letter(office, ref.id, attachments=1)
    pdf, body = letter.pdf, text(letter.pdf)
    assert letter.number == "400.2.3/1/UPTD-PPA/XI/2026"  # adult: born 1999
    for expected in (
        "PEMERINTAH KOTA KUPANG",
        "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK",
        "Jl. Soeharto No. 57, Kupang",
        "Kupang, 28 November 2026",
        "Rahasia",
        "1 (satu) berkas",
        "Rujukan Layanan",
        "Yth. Direktur",
        "RSUD Prof. Dr. W. Z. Johannes",
        "KUP-P-000001",
        "M.G.B.",
        "27 tahun",
        "Perempuan",
        "Rehabilitasi kesehatan",
        "Pendampingan psikologis",
        "Perlu pemeriksaan visum.",
        "Segera",
        "Undang-Undang Nomor 21 Tahun 2007",
        "Undang-Undang Nomor 27 Tahun 2022",
        "Kepala UPTD PPA Kota Kupang,",
        "Yuliana Ndolu, S.Sos",
        "Pembina, IV/a",
        "NIP. 197805122005012003",
        "Tembusan:",
        "1. Kepala Dinas P3A Kota Kupang",
        "2. Arsip",
        "Halaman 1 dari 1",
    ):
        assert expected in body, expected
    # The date is on the Nomor line, to its right; the letterhead above; the signature
    # below the body; "di" and the place under the addressee.
    number_x, number_y = where(pdf, "Nomor")
    date_x, date_y = where(pdf, "Kupang, 28 November 2026")
    assert abs(number_y - date_y) < 2 and date_x > number_x + 200
    assert where(pdf, "PEMERINTAH KOTA KUPANG")[1] > number_y
    assert where(pdf, "Sifat")[1] < number_y
    assert where(pdf, "Yth.")[1] > where(pdf, "di")[1] > where(pdf, "Dengan hormat")[1]
    assert where(pdf, "Yuliana Ndolu")[1] < where(pdf, "Undang-Undang Nomor 27")[1]
    assert where(pdf, "Yuliana Ndolu")[0] > number_x + 150
    assert where(pdf, "Tembusan")[1] < where(pdf, "NIP.")[1]


def test_english_letter_uses_english_words_and_month(office):
    ref = referral(office)
    body = text(letters.issue_letter(office, ref.id, language="en", attachments=2).pdf)
    for expected in (
        "Kupang, 28 November 2026",
        "Number",
        "Confidential",
        "2 (two) files",
        "To: Direktur",
        "Health rehabilitation",
        "Law No. 21 of 2007",
        "Law No. 27 of 2022",
        "27 years",
        "Female",
        "Urgent",
        "Page 1 of 1",
        "Copies to:",
    ):
        assert expected in body, expected
    assert "Rahasia" not in body and "Dengan hormat" not in body


def test_indonesian_month_names(office):
    ref = referral(office)
    office.today = lambda: dt.date(2027, 8, 17)
    letter = letters.issue_letter(office, ref.id)
    assert "Kupang, 17 Agustus 2027" in text(letter.pdf)
    assert letter.number == "400.2.3/1/UPTD-PPA/VIII/2027"


def test_name_and_nik_only_with_consent_to_share_identity(office):
    hidden = letters.issue_letter(office, referral(office, share=False).id)
    body = text(hidden.pdf)
    assert "M.G.B." in body and "KUP-P-000001" in body
    assert "Maria" not in body and "Bria" not in body and NIK not in body
    assert not hidden.row.includes_identity

    shown = letters.issue_letter(office, referral(office, share=True).id)
    body = text(shown.pdf)
    assert "Maria Goreti Bria" in body and NIK in body and "Nama lengkap" in body
    assert shown.row.includes_identity


def test_child_gets_the_child_protection_classification(office):
    ref = referral(office, person_overrides={"birth_date": dt.date(2011, 5, 1), "nik": ""})
    letter = letters.issue_letter(office, ref.id)
    assert letter.number.startswith("400.2.4/")
    assert "15 tahun" in text(letter.pdf)


def test_long_reason_flows_to_a_second_page_with_the_letterhead_only_on_the_first(office):
    reason = " ".join(["Korban membutuhkan pemeriksaan lanjutan dan pendampingan."] * 60)
    assert len(reason) > 3000
    ref = referral(office, reason=reason[:3000])
    letter = letters.issue_letter(office, ref.id)
    first, *rest = pages(letter.pdf)
    assert rest, "a 3,000-character reason must not fit on one page"
    assert "PEMERINTAH KOTA KUPANG" in first
    assert all("PEMERINTAH KOTA KUPANG" not in page for page in rest)
    total = len(rest) + 1
    for n, page in enumerate([first, *rest], 1):
        assert f"Halaman {n} dari {total}" in page
    assert "Yuliana Ndolu" in rest[-1]


@pytest.mark.parametrize(
    "name",
    [
        "Ni Luh Ayu D'Silva",
        "Nguyễn Thị Ánh Tuyết",
        "Maria Goreti Bria-Nahak",
        "Мария Иванова",
        "王小明",
        "Ōmura Ḥasanah Ñáñez",
    ],
)
def test_names_in_any_script_print_as_written(office, name):
    assert unprintable(name) == ""
    ref = referral(office, share=True, person_overrides={"full_name": name, "nik": ""})
    letter = letters.issue_letter(office, ref.id)
    assert name in text(letter.pdf)
    assert letter.warnings == ()


def test_unprintable_script_is_warned_about(office):
    ref = referral(office, share=True, person_overrides={"full_name": "สมชาย ใจดี", "nik": ""})
    letter = letters.issue_letter(office, ref.id)
    assert [p.code for p in letter.warnings] == ["unprintable_characters"]


def test_user_text_cannot_inject_markup(office):
    evil = (
        '<b>bold</b> <font size="40" color="red">big</font> &amp; <para>x</para> '
        '<img src="/etc/passwd"/> 5 < 6 & "q"'
    )
    ref = referral(
        office,
        share=True,
        reason=evil,
        person_overrides={"full_name": "<i>Ana</i> & Co", "nik": ""},
    )
    body = text(letters.issue_letter(office, ref.id).pdf)
    assert "<b>bold</b>" in body and '<font size="40" color="red">big</font>' in body
    assert "&amp;" in body and '<img src="/etc/passwd"/>' in body and "5 < 6" in body
    assert "<i>Ana</i> & Co" in body


def test_f4_paper_and_a_logo(office):
    logo = _tiny_png()
    letters.save_letter_settings(
        office, letter_settings(paper="f4", logo=base64.b64encode(logo).decode())
    )
    pdf = letters.issue_letter(office, referral(office).id).pdf
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    width_mm, height_mm = (float(v) / 72 * 25.4 for v in page.mediabox.upper_right)
    assert round(width_mm) == 215 and round(height_mm) == 330
    assert len(page.images) == 1


def _tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\x00\x66\xcc" * 8 for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# --- numbering and the archive ----------------------------------------------------------


def test_issuing_marks_the_referral_sent_and_archives_the_pdf(office):
    ref = referral(office)
    letter = letters.issue_letter(office, ref.id)
    saved = rows.get(office.db, r.Referral, ref.id)
    assert (saved.status, saved.letter_number, saved.letter_date) == ("sent", letter.number, TODAY)
    [entry] = letters.list_letters(office)
    assert entry.letter.number == letter.number and entry.case_number.startswith("KUP-2026-")
    assert entry.letter.sha256 == hashlib.sha256(letter.pdf).hexdigest()
    assert entry.letter.username == "admin" and entry.letter.language == "id"


def test_reprint_gives_the_same_bytes_and_a_new_letter_only_when_asked(office):
    ref = referral(office)
    with pytest.raises(NoLetterIssued):
        letters.reprint_letter(office, ref.id)
    first = letters.issue_letter(office, ref.id)
    office.today = lambda: TODAY + dt.timedelta(days=3)
    again = letters.reprint_letter(office, ref.id)
    assert again.pdf == first.pdf and again.number == first.number
    with pytest.raises(LetterAlreadyIssued) as refused:
        letters.issue_letter(office, ref.id)
    assert refused.value.params["number"] == first.number
    with pytest.raises(LetterLanguageDiffers):
        letters.reprint_letter(office, ref.id, language="en")
    second = letters.issue_letter(office, ref.id, new=True, language="en")
    assert second.number == "400.2.3/2/UPTD-PPA/XII/2026"
    assert [x.number for x in letters.letters_of_referral(office, ref.id)] == [
        first.number,
        second.number,
    ]
    assert letters.reprint_letter(office, ref.id).pdf == second.pdf


def test_numbers_are_sequential_and_the_year_restarts_them(office):
    office.today = lambda: dt.date(2026, 12, 31)
    december = [letters.issue_letter(office, referral(office).id).number for _ in range(3)]
    office.today = lambda: dt.date(2027, 1, 2)
    january = [letters.issue_letter(office, referral(office).id).number for _ in range(2)]
    assert december == [f"400.2.3/{n}/UPTD-PPA/XII/2026" for n in (1, 2, 3)]
    assert january == [f"400.2.3/{n}/UPTD-PPA/I/2027" for n in (1, 2)]


def _issue_many(folder: str, referral_ids: list[str], start, out) -> None:
    session = open_register(Path(folder), "admin", PASSWORD)
    session.today = lambda: TODAY
    start.wait()
    try:
        out.put([letters.issue_letter(session, rid).number for rid in referral_ids])
    finally:
        session.close()


@pytest.mark.slow
def test_two_programs_issuing_at_once_never_share_a_number(office, register):
    ids = [referral(office).id for _ in range(16)]
    office.close()
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    workers = [
        ctx.Process(target=_issue_many, args=(str(register.folder), part, start, out))
        for part in (ids[::2], ids[1::2])
    ]
    for worker in workers:
        worker.start()
    start.set()
    numbers = [n for _ in workers for n in out.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert sorted(numbers) == sorted(f"400.2.3/{n}/UPTD-PPA/XI/2026" for n in range(1, 17))
    session = open_register(register.folder, "admin", PASSWORD)
    try:
        assert len({e.letter.number for e in letters.list_letters(session)}) == 16
    finally:
        session.close()


def test_damaged_archive_is_refused_on_reprint(office):
    ref = referral(office)
    letters.issue_letter(office, ref.id)
    office.db.execute("UPDATE letters SET pdf = ?", [b"%PDF-1.4 not the letter"])
    with pytest.raises(LetterDamaged):
        letters.reprint_letter(office, ref.id)


# --- consent -------------------------------------------------------------------------------


def _nothing_written(session, ref):
    saved = rows.get(session.db, r.Referral, ref.id)
    assert (saved.status, saved.letter_number) == ("draft", "")
    assert letters.list_letters(session) == []


def test_without_consent_to_refer_no_letter_is_issued(office):
    ref = referral(office, consent=False)
    with pytest.raises(ConsentToReferMissing):
        letters.issue_letter(office, ref.id)
    office.user = dataclasses.replace(office.user, role="caseworker")
    with pytest.raises(NotPermitted) as refused:
        letters.issue_letter(office, ref.id, override_reason="Korban anak dalam bahaya")
    assert refused.value.params["permission"] == "override_consent"
    _nothing_written(office, ref)
    # the counter was not used either
    office.user = dataclasses.replace(office.user, role="supervisor")
    with pytest.raises(OverrideReasonNeeded):
        letters.issue_letter(office, ref.id, override_reason="darurat")
    _nothing_written(office, ref)
    letter = letters.issue_letter(
        office, ref.id, override_reason="Anak dalam bahaya; wali tidak dapat dihubungi"
    )
    assert letter.number == "400.2.3/1/UPTD-PPA/XI/2026"
    assert letter.row.override_reason == "Anak dalam bahaya; wali tidak dapat dihubungi"


def test_reprint_after_identity_consent_is_withdrawn_is_refused(office):
    ref = referral(office, share=True)
    letters.issue_letter(office, ref.id)
    case = rows.get(office.db, r.Case, ref.case_id)
    file = cases.open_case(office, case.case_number)
    file.case.consent_share = False
    cases.save_case_file(office, file.person, file.case)
    with pytest.raises(IdentityConsentWithdrawn):
        letters.reprint_letter(office, ref.id)
    renewed = letters.issue_letter(office, ref.id, new=True)
    assert "Maria" not in text(renewed.pdf)


def test_draft_writes_nothing_and_has_no_number(office):
    ref = referral(office, consent=False)
    draft = letters.draft_letter(office, ref.id)
    body = text(draft.pdf)
    assert "DRAF" in body and "(diberikan saat surat diterbitkan)" in body
    assert draft.row is None
    _nothing_written(office, ref)


# --- settings ------------------------------------------------------------------------------


def test_settings_default_from_the_office_until_saved(session):
    defaults = letters.letter_settings(session)
    assert defaults.city == "Kupang" and defaults.letterhead == ["UPTD PPA Kota Kupang"]
    ref = referral(session)
    with pytest.raises(LetterSettingsIncomplete) as refused:
        letters.issue_letter(session, ref.id)
    assert "Jabatan penanda tangan" in str(refused.value.params["fields"])


def test_saving_settings_is_for_admins_and_checks_every_field(session):
    session.user = dataclasses.replace(session.user, role="caseworker")
    with pytest.raises(NotPermitted):
        letters.save_letter_settings(session, letter_settings())
    session.user = dataclasses.replace(session.user, role="admin")
    bad = letter_settings(
        number_pattern="{classification}/{nomor}/{year}",
        signatory_nip="19780A",
        logo=base64.b64encode(b"GIF89a....").decode(),
        city="",
    )
    with pytest.raises(ValidationFailed) as refused:
        letters.save_letter_settings(session, bad)
    found = {(p.field, p.code) for p in refused.value.problems}
    assert {
        ("number_pattern", "pattern_unknown"),
        ("number_pattern", "pattern_missing"),
        ("signatory_nip", "invalid_nip"),
        ("logo", "invalid_logo"),
        ("city", "required"),
    } <= found
    assert letters.letter_settings(session).city == "Kupang"  # nothing saved
    warnings = letters.save_letter_settings(session, letter_settings(signatory_nip="1978"))
    assert [p.code for p in warnings] == ["nip_length"]
    office = rows.get(session.db, r.Office, session.office.id)
    assert office.letterhead[0] == "PEMERINTAH KOTA KUPANG"
    assert office.head_name == "Yuliana Ndolu, S.Sos"


# --- the provider's reply ----------------------------------------------------------------


def test_reply_is_recorded_and_its_follow_up_shows_on_the_dashboard(office):
    ref = referral(office)
    with pytest.raises(ReplyNotAllowed):
        letters.record_reply(office, ref.id, status="accepted", responded_on=TODAY)
    letters.issue_letter(office, ref.id)
    assert [row.id for row in listing.dashboard(office).awaiting_reply] == [ref.id]
    with pytest.raises(ValidationFailed) as refused:
        letters.record_reply(
            office, ref.id, status="maybe", responded_on=TODAY - dt.timedelta(days=5)
        )
    assert {p.code for p in refused.value.problems} == {"unknown_code", "reply_before_letter"}
    follow = TODAY + dt.timedelta(days=3)
    letters.record_reply(
        office,
        ref.id,
        status="accepted",
        responded_on=TODAY,
        response="Dijadwalkan Senin",
        follow_up_on=follow,
    )
    board = listing.dashboard(office)
    assert board.awaiting_reply == []
    assert [(row.id, row.status, row.follow_up_on) for row in board.referral_follow_ups] == [
        (ref.id, "accepted", follow)
    ]
    letters.record_reply(office, ref.id, status="completed", responded_on=TODAY)
    assert listing.dashboard(office).referral_follow_ups == []


def test_reprint_of_an_overridden_letter_needs_no_new_reason(office):
    ref = referral(office, consent=False)
    office.user = dataclasses.replace(office.user, role="supervisor")
    issued = letters.issue_letter(
        office, ref.id, override_reason="Anak dalam bahaya; wali tidak dapat dihubungi"
    )
    office.user = dataclasses.replace(office.user, role="caseworker")
    assert letters.reprint_letter(office, ref.id).pdf == issued.pdf


def test_a_letter_number_from_another_register_is_not_issued_again(office):
    ref = referral(office)
    saved = rows.get(office.db, r.Referral, ref.id)
    saved.status, saved.letter_number, saved.letter_date = "sent", "400.2.3/9/X/XI/2026", TODAY
    cases.update_item(office, saved)  # as a sync from the issuing office would
    with pytest.raises(LetterAlreadyIssued) as refused:
        letters.issue_letter(office, ref.id)
    assert refused.value.params["number"] == "400.2.3/9/X/XI/2026"
    assert letters.issue_letter(office, ref.id, new=True).number.startswith("400.2.3/1/")


def test_reply_without_a_status_names_the_field(office):
    ref = referral(office)
    letters.issue_letter(office, ref.id)
    with pytest.raises(ValidationFailed) as refused:
        letters.record_reply(office, ref.id, status="", responded_on=TODAY)
    assert [(p.field, p.code) for p in refused.value.problems] == [("status", "required")]


# --- one page when it fits ------------------------------------------------------------------


TYPICAL_COPIES = [
    "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Kupang",
    "Kepala Dinas Sosial Kota Kupang",
    "Kepala Kepolisian Resor Kupang Kota",
    "Arsip",
]


def _typical_office(office):
    """The demo office's letterhead and address, a logo and four copies-to lines."""
    letters.save_letter_settings(
        office,
        letter_settings(
            address_lines=[
                "Jl. Soeharto No. 57, Kupang 85111",
                "Telepon (0380) 821234 \u00b7 Pos-el uptdppa@kupangkota.go.id",
            ],
            logo=base64.b64encode(_tiny_png()).decode(),
            copies=TYPICAL_COPIES,
        ),
    )


def _signature_and_copies_page(pdf: bytes) -> int:
    """The page (from 0) with the signatory's name; the copies-to list must be on it."""
    found = [n for n, page in enumerate(pages(pdf)) if "Yuliana Ndolu" in page]
    assert len(found) == 1
    copies = [n for n, page in enumerate(pages(pdf)) if "Tembusan:" in page]
    assert copies == found, "the Tembusan is on another page than the signature"
    return found[0]


def test_a_typical_referral_letter_with_logo_and_four_copies_is_one_page(office):
    _typical_office(office)
    reason = (
        "Korban membutuhkan tempat tinggal sementara yang aman karena pihak yang merekrutnya "
        "masih berada di sekitar tempat tinggal korban. Korban juga menunjukkan gejala trauma "
        "dan memerlukan pendampingan psikologis oleh tenaga profesional."
    )
    for share in (False, True):  # initials only, and name and NIK too
        ref = referral(office, share=share, reason=reason)
        for issued in (letters.draft_letter(office, ref.id), letters.issue_letter(office, ref.id)):
            assert len(PdfReader(io.BytesIO(issued.pdf)).pages) == 1
            body = text(issued.pdf)
            assert "Halaman 1 dari 1" in body
            assert "4. Arsip" in body and "Yuliana Ndolu" in body
            # the copies-to list under the signature, the page number under both
            assert where(issued.pdf, "Tembusan")[1] < where(issued.pdf, "NIP.")[1]
            assert where(issued.pdf, "Halaman 1")[1] < where(issued.pdf, "4. Arsip")[1]
        assert letters.reprint_letter(office, ref.id).pdf == issued.pdf


@pytest.mark.parametrize("sentences", [30, 72, 76, 78, 80, 100])
def test_a_long_letter_keeps_the_copies_to_list_with_the_signature(office, sentences):
    _typical_office(office)
    reason = " ".join(["Korban membutuhkan pemeriksaan lanjutan dan pendampingan."] * sentences)
    ref = referral(office, reason=reason)
    pdf = letters.issue_letter(office, ref.id).pdf
    assert len(pages(pdf)) >= 2
    last = _signature_and_copies_page(pdf)
    assert last == len(pages(pdf)) - 1
    # the text it closes goes with the signature: it is never alone on a page
    assert "Demikian disampaikan" in pages(pdf)[last]
    assert "Undang-Undang Nomor 27 Tahun 2022" in " ".join(pages(pdf)[last].split())


# --- a sent referral always has its letter number ------------------------------------------


def _demo_referrals(session, count: int = 60) -> list[r.Referral]:
    from tipdesk.services.devtools.demo import add_demo_cases

    add_demo_cases(session, count, seed=3)
    return [
        r.Referral(**{k: v for k, v in row.items() if k in r.fields_of(r.Referral)})
        for row in session.db.query("SELECT * FROM referrals ORDER BY letter_date, id")
    ]


def test_every_demo_referral_past_draft_was_sent_with_its_own_letter_number(office):
    made = _demo_referrals(office)
    sent = [x for x in made if x.status != "draft"]
    assert len(sent) > 20 and {x.status for x in sent} >= {"sent", "accepted"}
    numbers = [x.letter_number for x in sent]
    assert all(numbers) and len(set(numbers)) == len(numbers)
    for x in sent:
        day = dt.date.fromisoformat(str(x.letter_date))
        classification, seq, unit, month, year = x.letter_number.split("/")
        assert classification in ("400.2.3", "400.2.4") and unit == "UPTD-PPA"
        assert (month, year) == (ROMAN_MONTHS[day.month - 1], str(day.year))
        assert int(seq) >= 1
    assert all(not x.letter_number for x in made if x.status == "draft")
    assert not [x for x in made if sent_without_letter(x.status, x.letter_number)]
    # The office's count goes on after the demo's letters: a letter issued now is new.
    this_year = [int(n.split("/")[1]) for n in numbers if n.endswith(f"/{TODAY.year}")]
    fresh = letters.issue_letter(office, referral(office).id)
    # (with no demo letter this year, the year's count starts at 1)
    assert int(fresh.number.split("/")[1]) == (max(this_year) + 1 if this_year else 1)
    assert fresh.number not in numbers


def test_a_letter_not_in_the_archive_opens_as_a_copy_with_its_number_and_date(office):
    ref = next(x for x in _demo_referrals(office) if x.status == "sent")
    with pytest.raises(NoLetterIssued):
        letters.reprint_letter(office, ref.id)
    copy = letters.copy_of_letter(office, ref.id)
    assert copy.number == ref.letter_number and copy.is_copy and copy.row is None
    body = text(copy.pdf)
    day = dt.date.fromisoformat(str(ref.letter_date))
    assert f"Nomor : {ref.letter_number}" in body
    assert f"Kupang, {long_date(day)}" in body
    assert "SALINAN" in body and "DRAF" not in body
    assert letters.letters_of_referral(office, ref.id) == []  # nothing archived
    # Issuing again gives a new number only when asked for.
    with pytest.raises(LetterAlreadyIssued):
        letters.issue_letter(office, ref.id)
    # A draft has no letter to copy.
    with pytest.raises(NoLetterIssued):
        letters.copy_of_letter(office, referral(office).id)


def test_only_a_referral_past_draft_without_a_number_breaks_the_rule():
    assert sent_without_letter("sent", "")
    assert sent_without_letter("accepted", "  ")
    assert not sent_without_letter("sent", "400.2.3/1/UPTD-PPA/XI/2026")
    assert not sent_without_letter("draft", "")


def test_next_number_takes_nothing_and_issuing_refuses_a_number_taken_meanwhile(office):
    first, second = referral(office), referral(office)
    coming = letters.next_number(office, first.id)
    assert letters.next_number(office, first.id) == coming  # looking takes nothing
    letters.issue_letter(office, second.id)  # another program takes it meanwhile
    with pytest.raises(letters.LetterNumberTaken) as taken:
        letters.issue_letter(office, first.id, expected_number=coming)
    assert taken.value.params == {"number": coming, "next": "400.2.3/2/UPTD-PPA/XI/2026"}
    assert letters.letters_of_referral(office, first.id) == []
    assert rows.get(office.db, r.Referral, first.id).status == "draft"
    issued = letters.issue_letter(office, first.id, expected_number=taken.value.params["next"])
    assert issued.number == "400.2.3/2/UPTD-PPA/XI/2026"


# --- documents listed in the Lampiran (issue 24) ---------------------------------------------

SCAN = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def attached(session, ref: r.Referral, kind: str, day: dt.date | None, file_name: str, **more):
    case = rows.get(session.db, r.Case, ref.case_id)
    return documents.attach(
        session, case.case_number, SCAN, kind=kind, file_name=file_name, document_on=day, **more
    )


def test_a_letter_lists_its_chosen_documents_by_kind_and_date_never_by_file_name(office):
    ref = referral(office)
    ktp = attached(office, ref, "identity_card", dt.date(2026, 11, 20), "KTP Maria Goreti.pdf")
    visum = attached(office, ref, "medical_report", dt.date(2026, 11, 25), "visum-maria.pdf")
    attached(office, ref, "photo", None, "not-chosen.pdf")
    draft = text(letters.draft_letter(office, ref.id, documents=[visum.id, ktp.id]).pdf)
    assert "2 (dua) berkas" in draft and "Foto" not in draft
    letter = letters.issue_letter(office, ref.id, documents=[visum.id, ktp.id])
    body = text(letter.pdf)
    assert "2 (dua) berkas" in body
    assert where(letter.pdf, "2 (dua) berkas")[1] == pytest.approx(where(letter.pdf, "Lampiran")[1])
    listed = body.split("Berkas yang dilampirkan:")[1]
    first = listed.index("1. Visum / laporan medis, 25 November 2026")
    assert first < listed.index("2. KTP / identitas, 20 November 2026")
    assert listed.index("Surat ini dan keterangan") > first  # the list ends the body
    for name in (b"KTP Maria", b"visum-maria", b"not-chosen", b"Foto"):
        assert name not in letter.pdf and name.decode() not in body
    [row] = letters.letters_of_referral(office, ref.id)
    assert row.documents == (visum.id, ktp.id) and row.attachments == 2
    # A reprint is the letter as issued, even once a listed document is removed.
    documents.remove_document(office, ktp.id)
    again = letters.reprint_letter(office, ref.id)
    assert again.pdf == letter.pdf and again.row.documents == (visum.id, ktp.id)


def test_an_english_letter_lists_its_documents_in_english_and_undated_ones_say_so(office):
    ref = referral(office)
    police = attached(office, ref, "police_report", None, "lp.pdf")
    consent = attached(office, ref, "consent", dt.date(2026, 11, 3), "consent.pdf")
    body = text(
        letters.issue_letter(office, ref.id, language="en", documents=[police.id, consent.id]).pdf
    )
    assert "2 (two) files" in body
    listed = body.split("Documents attached:")[1]
    assert "1. Police report, undated" in listed and "2. Consent, 3 November 2026" in listed


def test_the_lampiran_counts_more_papers_than_documents_only_when_asked(office):
    ref = referral(office)
    ktp = attached(office, ref, "identity_card", dt.date(2026, 11, 20), "ktp.pdf")
    body = text(letters.issue_letter(office, ref.id, attachments=3, documents=[ktp.id]).pdf)
    assert "3 (tiga) berkas" in body and "1. KTP / identitas, 20 November 2026" in body


def test_a_document_of_the_person_from_another_case_may_be_listed(office):
    ref = referral(office)
    case = rows.get(office.db, r.Case, ref.case_id)
    earlier, _ = cases.add_case(
        office, case.person_id, dataclasses.replace(case, id="", case_number="", rev="")
    )
    kk = documents.attach(
        office,
        earlier.case.case_number,
        SCAN,
        kind="family_card",
        file_name="kk.pdf",
        document_on=dt.date(2026, 10, 1),
        attached_to="person",
    )
    body = text(letters.issue_letter(office, ref.id, documents=[kk.id]).pdf)
    assert "1 (satu) berkas" in body and "1. Kartu Keluarga, 1 Oktober 2026" in body


def test_a_document_of_another_case_is_refused_and_no_number_is_taken(office):
    ref = referral(office)
    other = new_case(office, {"full_name": "Yohana Seran"})
    theirs = documents.attach(
        office, other.case.case_number, SCAN, kind="identity_card", file_name="ktp.pdf"
    )
    mine = attached(office, ref, "consent", TODAY, "consent.pdf")
    coming = letters.next_number(office, ref.id)
    case_number = rows.get(office.db, r.Case, ref.case_id).case_number
    for chosen in ([theirs.id], [mine.id, theirs.id], ["no-such-document"]):
        with pytest.raises(DocumentRefused) as refused:
            letters.issue_letter(office, ref.id, documents=chosen)
        assert refused.value.code == "document_refused_not_of_this_case"
        assert refused.value.params["case_number"] == case_number
        with pytest.raises(DocumentRefused):
            letters.next_number(office, ref.id, documents=chosen)
        with pytest.raises(DocumentRefused):
            letters.draft_letter(office, ref.id, documents=chosen)
    _nothing_written(office, ref)
    assert letters.next_number(office, ref.id) == coming  # the counter is unchanged
    documents.remove_document(office, mine.id)
    with pytest.raises(DocumentRefused):  # a removed document is no longer of the case
        letters.issue_letter(office, ref.id, documents=[mine.id])
    assert letters.issue_letter(office, ref.id).number == coming
