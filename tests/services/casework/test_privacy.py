"""The person's rights: everything held about them (JSON, PDF), and erasure that leaves
no trace of their data in the database file, travels as tombstones, and is not undone
by a later import."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from pypdf import PdfReader

from tests.helpers import TODAY, letter_settings, new_case, provider, second_user, send, sign_in
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    AlreadyErased,
    BadArgument,
    NotPermitted,
    OutputExists,
    UnknownErasureReason,
)
from tipdesk.services import letters, sync
from tipdesk.services.access import audit
from tipdesk.services.casework import cases, privacy
from tipdesk.storage import letters as archive
from tipdesk.storage import rows

NAME = "Xaveria Quetzalina Wunderbria"
NIK = "5371015403990001"
NOTE = "Bertemu di rumah Merpatikuning sore hari."
SECRETS = ("Xaveria", "Quetzalina", "Wunderbria", NIK, "Merpatikuning", "081399887766")

# --- reading the database file's pages (SQLCipher 4 defaults: 4 KiB pages, 80 bytes of
# IV and HMAC reserved at the end of each, AES-256-CBC with the raw key) ------------------
PAGE, RESERVE = 4096, 80


def _decrypt(key: bytes, page: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    body = page[16 if first else 0 : PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def plaintext(session) -> bytes:
    """Every page of register.db and of its write-ahead log, decrypted: what an attacker
    with the key would find, free pages and old log frames included."""
    db = (session.folder / "register.db").read_bytes()
    pages = [_decrypt(session.key, db[i : i + PAGE], i == 0) for i in range(0, len(db), PAGE)]
    wal_path = session.folder / "register.db-wal"
    wal = wal_path.read_bytes() if wal_path.exists() else b""
    for offset in range(32, len(wal) - PAGE - 23, PAGE + 24):
        number = int.from_bytes(wal[offset : offset + 4], "big")
        pages.append(_decrypt(session.key, wal[offset + 24 : offset + 24 + PAGE], number == 1))
    text = b"".join(pages)
    assert b"CREATE TABLE" in text  # the pages really were decrypted
    return text


def found(session) -> list[str]:
    text = plaintext(session)
    lower = text.lower()
    return [s for s in SECRETS if s.encode() in text or s.lower().encode() in lower]


# --- fixtures ----------------------------------------------------------------------------


@pytest.fixture
def office(session):
    """The admin's session and a supervisor's, on one register with letter settings."""
    letters.save_letter_settings(session, letter_settings())
    supervisor = second_user(session, "sari", "supervisor")
    yield session, supervisor
    supervisor.close()


def person_with_everything(session) -> dict:
    """A person with two cases, a service, a referral with an issued letter, and notes."""
    first = new_case(
        session,
        {"full_name": NAME, "nik": NIK, "phone": "081399887766"},
        consent_services=True,
        consent_share=True,
        consent_date=TODAY,
        consent_by="korban",
    )
    hospital = provider(session, contact_title="Direktur")
    shelter = provider(
        session, name="Rumah Aman Bethesda", provider_type="shelter", services_offered=["shelter"]
    )
    cases.add_service(
        session,
        r.Service(
            case_id=first.case.id,
            service_type="health",
            provider_id=hospital.id,
            status="provided",
            started_on=TODAY,
            description="Visum di RSUD.",
        ),
    )
    referral = r.Referral(
        case_id=first.case.id,
        provider_id=shelter.id,
        services_requested=["shelter"],
        reason="Butuh rumah aman.",
        urgency="urgent",
    )
    cases.add_referral(session, referral)
    letter = letters.issue_letter(session, referral.id)
    cases.add_note(session, r.CaseNote(case_id=first.case.id, noted_on=TODAY, text=NOTE))
    second, _ = cases.add_case(
        session,
        first.person.id,
        r.Case(
            opened_on=TODAY,
            intake_source="police",
            exploitation_types=["sexual_exploitation"],
            summary="Kasus kedua.",
        ),
    )
    cases.add_note(
        session, r.CaseNote(case_id=second.case.id, noted_on=TODAY, text="Catatan kasus kedua.")
    )
    other = new_case(session, {"full_name": "Yohana Seran", "nik": ""})
    return {
        "first": first,
        "second": second,
        "letter": letter,
        "other": other,
        "hospital": hospital,
        "shelter": shelter,
        "referral": referral,
    }


# --- right of access ---------------------------------------------------------------------


def test_person_data_holds_every_case_service_referral_note_and_letter(office, tmp_path):
    admin, supervisor = office
    made = person_with_everything(admin)
    number = made["second"].case.case_number
    privacy.export_person_data(supervisor, number, tmp_path / "first.json")
    data = privacy.person_data(supervisor, number)
    assert data["person"]["full_name"] == NAME and data["person"]["nik"] == NIK
    assert [c["case"]["case_number"] for c in data["cases"]] == [
        made["first"].case.case_number,
        number,
    ]
    first, second = data["cases"]
    assert [s["provider_name"] for s in first["services"]] == [made["hospital"].name]
    assert first["services"][0]["description"] == "Visum di RSUD."
    assert [(f["provider_name"], f["reason"]) for f in first["referrals"]] == [
        ("Rumah Aman Bethesda", "Butuh rumah aman.")
    ]
    assert [n["text"] for n in first["notes"]] == [NOTE]
    assert [n["text"] for n in second["notes"]] == ["Catatan kasus kedua."]
    assert second["case"]["summary"] == "Kasus kedua."
    [letter] = first["letters"]
    assert letter["number"] == made["letter"].number and letter["kind"] == "referral"
    assert (letter["issued_on"], letter["language"], letter["provider_name"]) == (
        TODAY.isoformat(),
        "id",
        "Rumah Aman Bethesda",
    )
    assert "pdf" not in letter and second["letters"] == []
    # Nobody else's data, and the audit rows about them (this export among them).
    assert "Yohana" not in json.dumps(data)
    assert any(
        row["action"] == "person_exported" and row["case_number"] == number for row in data["audit"]
    )


def test_export_writes_readable_json_or_pdf_and_is_audited(office, tmp_path):
    admin, supervisor = office
    made = person_with_everything(admin)
    number = made["first"].case.case_number
    out = privacy.export_person_data(supervisor, number, tmp_path / "data.json")
    text = out.read_text("utf-8")
    assert NAME in text and "\n  " in text  # UTF-8 and indented
    assert json.loads(text)["cases"][0]["case"]["case_number"] == number
    pdf = privacy.export_person_data(supervisor, number, tmp_path / "data.pdf", lang="en")
    pages = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    for expected in (
        NAME,
        NIK,
        number,
        "Full name",
        "Rumah Aman Bethesda",
        NOTE,
        made["letter"].number,
        "referral letter",  # the kind of letter: a person may also have LPSK's
        "Services",
        "Audit trail",
    ):
        assert expected in pages.replace("\n", " "), expected
    rows_ = audit.entries(admin, actions=("person_exported",))
    assert [(e.detail["format"], e.case_number) for e in rows_] == [
        ("pdf", number),
        ("json", number),
    ]
    assert all(NAME not in json.dumps(e.detail) for e in rows_)
    with pytest.raises(OutputExists):
        privacy.export_person_data(supervisor, number, tmp_path / "data.json")
    with pytest.raises(BadArgument):
        privacy.export_person_data(supervisor, number, tmp_path / "data.txt")
    assert not (tmp_path / "data.txt").exists()


def test_only_a_supervisor_exports_or_erases(office, tmp_path):
    admin, _supervisor = office
    made = person_with_everything(admin)
    number = made["first"].case.case_number
    worker = second_user(admin, "budi", "caseworker")
    try:
        for session in (admin, worker):
            with pytest.raises(NotPermitted):
                privacy.person_data(session, number)
            with pytest.raises(NotPermitted):
                privacy.export_person_data(session, number, tmp_path / "x.json")
            with pytest.raises(NotPermitted):
                privacy.erase_person(session, number, "person_request")
    finally:
        worker.close()
    assert not (tmp_path / "x.json").exists()
    assert cases.open_case(admin, number).person.full_name == NAME


# --- erasure -----------------------------------------------------------------------------


def test_erasure_leaves_tombstones_and_no_trace_in_the_file(office):
    admin, supervisor = office
    made = person_with_everything(admin)
    number = made["first"].case.case_number
    assert set(found(supervisor)) >= {"Xaveria", NIK, "Merpatikuning"}  # the check works
    with pytest.raises(UnknownErasureReason):
        privacy.erase_person(supervisor, number, "because")
    result = privacy.erase_person(supervisor, number, "person_request")
    assert result.compacted and result.vacuumed and result.letters == 1
    assert result.case_numbers == [number, made["second"].case.case_number]
    # Tombstones: the rows stay, deleted and scrubbed.
    person = rows.get(supervisor.db, r.Person, made["first"].person.id)
    assert person.deleted and person.full_name == "" and person.nik == "" and not person.phone
    assert person.register_number == made["first"].person.register_number
    for case_file in (made["first"], made["second"]):
        case = rows.get(supervisor.db, r.Case, case_file.case.id)
        assert case.deleted and case.summary == "" and case.case_number
    referral = rows.get(supervisor.db, r.Referral, made["referral"].id)
    assert referral.deleted and referral.reason == ""
    # The letter keeps its number and hash; its PDF is gone.
    [letter] = archive.for_referral(supervisor.db, made["referral"].id)
    assert letter.number == made["letter"].number and letter.sha256
    assert archive.pdf_of(supervisor.db, letter.id) == b""
    assert cases.find_cases(supervisor, "Xaveria") == []
    assert cases.find_cases(supervisor, NIK) == []
    assert cases.find_cases(supervisor, "Yohana")  # the others stay findable
    # Gone from the bytes of the file and of the log, search index included.
    assert found(supervisor) == []
    wal = supervisor.folder / "register.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    [row] = audit.entries(admin, actions=("person_erased",))
    assert row.case_number == number and row.detail["reason"] == "person_request"
    assert row.detail["records"] == result.records and row.username == "sari"
    assert privacy.is_erased(supervisor, made["first"].person.id)
    with pytest.raises(AlreadyErased):
        privacy.erase_person(supervisor, number, "person_request")
    assert len(audit.entries(admin, actions=("person_erased",))) == 1


def test_a_register_too_large_to_rebuild_in_memory_is_scrubbed_all_the_same(office, monkeypatch):
    admin, supervisor = office
    made = person_with_everything(admin)
    monkeypatch.setattr(privacy, "VACUUM_LIMIT", 0)
    result = privacy.erase_person(supervisor, made["first"].case.case_number, "legal_order")
    assert result.compacted and not result.vacuumed
    assert found(supervisor) == []


def _batch_text(receiver, path: Path) -> bytes:
    """The decrypted changes of a batch, as the receiving office reads them."""
    _manifest, changes, _peer = sync._open(receiver.session, path.read_bytes())
    return changes.read()


def test_an_erasure_travels_as_tombstones_without_the_name(offices):
    district, province, stick = offices
    file = new_case(district.session, {"full_name": NAME, "nik": NIK})
    cases.add_note(district.session, r.CaseNote(case_id=file.case.id, noted_on=TODAY, text=NOTE))
    send(district, province, stick / "1.tipbatch")
    assert cases.find_cases(province.session, "Xaveria")
    supervisor = second_user(district.session, "sari", "supervisor")
    try:
        privacy.erase_person(supervisor, file.case.case_number, "legal_order")
    finally:
        supervisor.close()
    batch = district.export(province, stick / "2.tipbatch")
    changes = _batch_text(province, batch)
    assert b'"deleted":1' in changes
    for secret in ("Xaveria", "Wunderbria", NIK, "Merpatikuning"):
        assert secret.encode() not in changes
    summary = sync.import_batch(province.session, batch)
    assert summary.conflicts == 0
    person = rows.get(province.session.db, r.Person, file.person.id)
    assert person.deleted and person.full_name == "" and person.nik == ""
    [note] = rows.select(province.session.db, r.CaseNote, "case_id = ?", [file.case.id])
    assert note.deleted and note.text == ""
    assert cases.find_cases(province.session, "Xaveria") == []
    district.session.close()
    province.session.close()


def test_a_batch_made_before_the_erasure_does_not_bring_the_person_back(offices):
    district, province, stick = offices
    file = new_case(district.session, {"full_name": NAME, "nik": NIK})
    number = file.case.case_number
    send(district, province, stick / "1.tipbatch")
    # The district, not yet knowing, edits the person and adds a note and a case...
    edited = district.case(number)
    edited.person.phone = "081399887766"
    cases.save_case_file(district.session, edited.person, edited.case)
    cases.add_note(district.session, r.CaseNote(case_id=file.case.id, noted_on=TODAY, text=NOTE))
    later, _ = cases.add_case(
        district.session,
        file.person.id,
        r.Case(opened_on=TODAY, intake_source="police", summary="Merpatikuning lagi."),
    )
    old_batch = district.export(province, stick / "2.tipbatch")
    assert b"Xaveria" in _batch_text(province, old_batch)  # it still has the person
    # ... while the province erases the person at their request.
    supervisor = second_user(province.session, "sari", "supervisor")
    try:
        privacy.erase_person(supervisor, number, "person_request")
        summary = sync.import_batch(supervisor, old_batch)
        assert summary.conflicts == 0 and not summary.waiting
        person = rows.get(supervisor.db, r.Person, file.person.id)
        assert person.deleted and person.full_name == "" and person.phone == ""
        assert rows.get(supervisor.db, r.Case, later.case.id) is None
        assert rows.select(supervisor.db, r.CaseNote, "case_id = ?", [file.case.id]) == []
        assert sync.list_conflicts(supervisor) == []
        assert cases.find_cases(supervisor, "Xaveria") == []
        assert cases.find_cases(supervisor, "Merpatikuning") == []
        # Importing it again changes nothing either.
        assert sync.import_batch(supervisor, old_batch).already_imported
        supervisor.close()
        province.session.close()
        province.session = province.open()
        supervisor = sign_in(province.folder, "sari")
        assert found(supervisor) == []
    finally:
        supervisor.close()
    district.session.close()
    province.session.close()


def _conflict_about_name(session, person_id: str) -> None:
    """A sync conflict about the person's name, as an import leaves one (it holds both
    offices' values, so the name)."""
    session.db.execute(
        "INSERT INTO conflicts (id, entity, record_id, field, kind, local_value, "
        "remote_value, local_rev, remote_rev, local_author, remote_author, batch_id, peer, "
        "created_at) VALUES ('c1', 'persons', ?, 'full_name', 'field', ?, '\"x\"', 'a', "
        "'b', '', '', 'batch', 'peer', '2026-11-28T00:00:00Z')",
        [person_id, json.dumps(NAME)],
    )
    session.db.conn.commit()


def test_erasure_counts_the_conflicts_it_removes(office):
    """The result and the audit row say how many sync conflicts about the person went
    (the delete inside the erasure removes them before they were counted)."""
    admin, supervisor = office
    made = person_with_everything(admin)
    number = made["first"].case.case_number
    _conflict_about_name(admin, made["first"].person.id)
    result = privacy.erase_person(supervisor, number, "person_request")
    assert result.conflicts == 1
    [row] = audit.entries(supervisor, actions=("person_erased",))
    assert row.detail["conflicts"] == 1


def test_an_ordinary_delete_keeps_no_letter_pdf_or_conflict_with_the_name(office):
    """A deleted case's archived letters lose their PDF (number and date stay), and the
    sync conflicts about its records go: both could hold the person's name."""
    session, supervisor = office
    made = person_with_everything(session)
    case_id = made["first"].case.id
    _conflict_about_name(session, made["first"].person.id)
    cases.delete_case(session, made["first"].case.case_number)
    pdfs = [
        len(row[0])
        for row in session.db.execute(
            "SELECT pdf FROM letters WHERE case_id = ?", [case_id]
        ).fetchall()
    ]
    assert pdfs == [0]
    assert (
        session.db.execute("SELECT number FROM letters WHERE case_id = ?", [case_id]).fetchone()[0]
        == made["letter"].number
    )
    privacy.erase_person(supervisor, made["second"].case.case_number, "person_request")
    assert session.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0


def test_erasure_leaves_no_spelling_key_of_the_name_in_the_search_index(office):
    """The search index holds a key of each name spelled otherwise ("quetzal" for
    Quettzal, issue 21): erasure takes it out of the file's bytes with the name."""
    admin, supervisor = office
    made = new_case(admin, {"full_name": "Quettzal Wunderbryo", "nik": ""})
    new_case(admin, {"full_name": "Yohana Seran", "nik": ""})
    assert [row["case_number"] for row in cases.find_cases(admin, "quetzal")] == [
        made.case.case_number
    ]
    assert b"wunderbrio" in plaintext(supervisor).lower()  # only the key is written so
    privacy.erase_person(supervisor, made.case.case_number, "person_request")
    text = plaintext(supervisor).lower()
    assert b"quetzal" not in text and b"wunderbrio" not in text
    assert cases.find_cases(supervisor, "quetzal") == []
