"""Documents travel with their records (issue 24): in parts beside the batch, checked
against their SHA-256, within the scope rules, split in numbered parts, all or nothing."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.helpers import close_all, district_and_province, new_case, send
from tipdesk.domain.errors import BatchDamaged, BatchPartMissing
from tipdesk.security import docparts
from tipdesk.services import sync
from tipdesk.services.casework import documents
from tipdesk.services.sync import carried
from tipdesk.storage import documents as store


def scan(n: int = 300_000, seed: int = 1) -> bytes:
    """A PDF-looking scan of ``n`` bytes that does not compress (as a real scan)."""
    return b"%PDF-1.4\n" + os.urandom(n)


def attach(office, case_number: str, data: bytes, kind: str = "medical_report"):
    return documents.attach(office.session, case_number, data, kind=kind, file_name="visum.pdf")


def held(office, document_id: str) -> bytes:
    return store.read_bytes(office.session.db, document_id)


def test_a_districts_documents_reach_the_province_and_back(offices):
    district, province, stick = offices
    file = new_case(district.session)
    one, two = scan(), scan(700_000)
    a = attach(district, file.case.case_number, one)
    b = attach(district, file.case.case_number, two, kind="consent")
    summary = send(district, province, stick)
    assert summary.documents == 2
    assert held(province, a.id) == one and held(province, b.id) == two
    assert list(stick.glob("*.tipdocs")) and list(stick.glob("*.tipbatch"))
    # The province adds one to the district's case: it travels down.
    c = attach(province, file.case.case_number, scan(50_000), kind="court_decision")
    back = send(province, district, stick)
    assert back.documents == 1 and store.has_bytes(district.session.db, c.id)
    # Removed at the district: gone at the province too, bytes and all.
    documents.remove_document(district.session, a.id)
    send(district, province, stick)
    assert not store.has_bytes(province.session.db, a.id)
    assert store.get(province.session.db, a.id).deleted


def test_a_batch_too_large_for_one_file_comes_in_numbered_parts(offices, tmp_path):
    district, province, _ = offices
    file = new_case(district.session)
    made = [attach(district, file.case.case_number, scan(400_000)) for _ in range(5)]
    out = tmp_path / "to-ntt.tipbatch"
    result = sync.export_batch(district.session, "NTT", out, part_bytes=900_000)
    assert [p.name for p in result.parts] == [docparts.part_name("to-ntt", n) for n in (1, 2, 3)]
    assert all(p.stat().st_size < 1_000_000 for p in result.parts)
    summary = sync.import_batch(province.session, out)
    assert summary.documents == 5
    assert all(store.has_bytes(province.session.db, d.id) for d in made)


def test_a_missing_part_refuses_the_whole_batch(offices, tmp_path):
    district, province, _ = offices
    file = new_case(district.session)
    attach(district, file.case.case_number, scan())
    out = tmp_path / "b.tipbatch"
    result = sync.export_batch(district.session, "NTT", out)
    result.parts[0].unlink()
    with pytest.raises(BatchPartMissing) as refused:
        sync.import_batch(province.session, out)
    assert refused.value.params == {"part": "b.01.tipdocs", "parts": 1}
    assert province.session.db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    assert sync.list_peers(province.session)[0].received_upto == 0


def test_a_tampered_document_refuses_the_whole_batch(offices, tmp_path):
    district, province, _ = offices
    file = new_case(district.session)
    attach(district, file.case.case_number, scan())
    out = tmp_path / "b.tipbatch"
    part = sync.export_batch(district.session, "NTT", out).parts[0]
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0xFF
    part.write_bytes(bytes(data))
    with pytest.raises(BatchDamaged) as refused:
        sync.import_batch(province.session, out)
    assert refused.value.params["reason"] == "documents"
    db = province.session.db
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM document_bytes").fetchone()[0] == 0


def test_batches_read_out_of_order_keep_the_newest_state(offices):
    district, province, stick = offices
    file = new_case(district.session)
    number = file.case.case_number
    a = attach(district, number, scan())
    first = district.export(province, stick / "1.tipbatch")
    b = attach(district, number, scan(), kind="photo")
    documents.remove_document(district.session, a.id)
    second = district.export(province, stick / "2.tipbatch")
    assert sync.import_batch(province.session, second).documents == 1
    late = sync.import_batch(province.session, first)  # older news, read last
    assert late.documents == 0
    db = province.session.db
    assert store.get(db, a.id).deleted and not store.has_bytes(db, a.id)
    assert store.has_bytes(db, b.id)
    assert store.live_without_bytes(db) == set()


def test_a_batch_waiting_for_a_gap_keeps_its_parts_and_heals(offices, tmp_path):
    district, province, stick = offices
    new_case(district.session)
    first = district.export(province, stick / "1.tipbatch")
    province.session.close()
    saved = tmp_path / "ntt-backup"
    shutil.copytree(province.folder, saved)
    province.session = province.open()
    sync.import_batch(province.session, first)
    send(province, district, stick / "back.tipbatch")
    province.session.close()
    shutil.rmtree(province.folder)
    shutil.copytree(saved, province.folder)  # restored from before batch 1
    province.session = province.open()
    file = new_case(district.session, {"full_name": "Yohana Seran", "nik": ""})
    doc = attach(district, file.case.case_number, scan())
    second = district.export(province, stick / "2.tipbatch")
    assert sync.import_batch(province.session, second).waiting
    inbox = province.folder / "inbox"
    assert len(list(inbox.glob("*.tipdocs"))) == 1
    for path in stick.glob("2.*"):
        path.unlink()  # the stick is taken away: the inbox has its own copy
    send(province, district, stick / "back2.tipbatch")
    healed = send(district, province, stick / "3.tipbatch")
    assert healed.documents == 1 and healed.from_inbox
    assert store.read_bytes(province.session.db, doc.id) == store.read_bytes(
        district.session.db, doc.id
    )
    assert list(inbox.iterdir()) == []


def test_a_document_that_does_not_match_its_hash_is_refused(offices, tmp_path, monkeypatch):
    district, province, _ = offices
    file = new_case(district.session)
    attach(district, file.case.case_number, scan())

    def altered(db, group, cancelled, counted):  # a sender sending other bytes than listed
        for document_id, _sha, _size in group:
            data = store.read_bytes(db, document_id)
            yield data[:-1] + bytes([data[-1] ^ 1])

    monkeypatch.setattr(carried, "_bytes_of", altered)
    out = tmp_path / "b.tipbatch"
    sync.export_batch(district.session, "NTT", out)
    with pytest.raises(BatchDamaged) as refused:
        sync.import_batch(province.session, out)
    assert refused.value.params["reason"] == "document"
    assert province.session.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_documents_never_leave_under_the_deidentified_profile(tmp_path):
    district, province, stick = district_and_province(tmp_path, profile="deidentified")
    file = new_case(district.session)
    attach(district, file.case.case_number, scan())
    result = sync.export_batch(district.session, "NTT", stick)
    assert result.parts == [] and "documents" not in result.records
    sync.import_batch(province.session, result.path)
    assert province.session.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    close_all((district, province))


def test_a_district_never_receives_another_districts_documents(three_offices):
    kup, bel, province, stick = three_offices
    file = new_case(kup.session)
    doc = attach(kup, file.case.case_number, scan())
    assert send(kup, province, stick).documents == 1
    result = sync.export_batch(province.session, "BEL", stick)
    assert result.parts == []
    sync.import_batch(bel.session, result.path)
    assert store.get(bel.session.db, doc.id) is None
    assert bel.session.db.execute("SELECT count(*) FROM document_bytes").fetchone()[0] == 0


def test_more_documents_than_a_batch_may_carry_are_refused_before_anything_is_written(
    offices, monkeypatch
):
    from tipdesk.domain.errors import BatchTooManyDocuments
    from tipdesk.security import batch as envelope

    district, _, stick = offices
    file = new_case(district.session)
    for _ in range(3):
        attach(district, file.case.case_number, scan(10_000))
    monkeypatch.setattr(envelope, "MAX_BATCH_DOCUMENTS", 2)
    with pytest.raises(BatchTooManyDocuments) as refused:
        sync.export_batch(district.session, "NTT", stick)
    assert refused.value.params["documents"] == 3 and refused.value.params["max"] == 2
    assert list(stick.iterdir()) == []
    assert sync.list_peers(district.session)[0].sent_upto == 0


def test_a_document_file_chosen_instead_of_its_batch_is_refused_in_words(offices, tmp_path):
    from tipdesk.domain.errors import BatchPartChosen

    district, province, _ = offices
    file = new_case(district.session)
    attach(district, file.case.case_number, scan())
    out = tmp_path / "ke-ntt.tipbatch"
    [part] = sync.export_batch(district.session, "NTT", out).parts
    with pytest.raises(BatchPartChosen) as refused:
        sync.import_batch(province.session, part)
    assert refused.value.params == {"batch": "ke-ntt.tipbatch"}
    assert sync.import_batch(province.session, out).documents == 1


def test_documents_are_counted_as_they_go_and_an_import_cancelled_among_them_keeps_nothing(
    offices, tmp_path
):
    from tipdesk.domain.errors import Cancelled

    district, province, _ = offices
    file = new_case(district.session)
    for _ in range(3):
        attach(district, file.case.case_number, scan(20_000))
    said: list[tuple[int, int]] = []
    out = tmp_path / "b.tipbatch"
    sync.export_batch(district.session, "NTT", out, progress=lambda d, n: said.append((d, n)))
    assert said[-3:] == [(1, 3), (2, 3), (3, 3)]  # after the tables, each document
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        sync.import_batch(
            province.session,
            out,
            progress=lambda d, n: seen.append((d, n)),
            cancelled=lambda: (1, 3) in seen,
        )
    db = province.session.db
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM document_bytes").fetchone()[0] == 0
    assert sync.import_batch(province.session, out).documents == 3
