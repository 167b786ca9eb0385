"""A power cut while a document is attached, imported or erased (issue 24): at the next
open there is no document without its bytes, no bytes without their document, nothing in
clear, and ``check`` says so; the same work then goes through."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import PASSWORD, exit_code_of, new_case, send
from tipdesk.services import sync
from tipdesk.services.casework import documents, privacy
from tipdesk.services.check import check_register
from tipdesk.services.register import open_register
from tipdesk.storage import documents as store
from tipdesk.storage import privacy as privacy_store

# A scan of several parts (storage.documents.PART), that does not compress.
SCAN = b"%PDF-1.4\n" + bytes(range(256)) * (3 * 1024 * 9)


def counts(session) -> tuple[int, int]:
    db = session.db
    return (
        db.execute("SELECT count(*) FROM documents").fetchone()[0],
        db.execute("SELECT count(*) FROM document_bytes").fetchone()[0],
    )


def in_clear(folder: Path) -> list[str]:
    needle = SCAN[1000:1064]
    return [p.name for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def _attach_and_die(folder: str, case_number: str, at: str) -> None:
    """Child: attach SCAN and die (exit 9) at ``at``: after the first part of its bytes,
    or with row and bytes written but not committed."""
    if at == "bytes":
        real = store._insert

        def insert_then_die(db, document_id, part, data):
            real(db, document_id, part, data)
            os._exit(9)

        store._insert = insert_then_die
    else:
        documents._audit = lambda *a, **k: os._exit(9)
    session = open_register(Path(folder), "admin", PASSWORD)
    documents.attach(session, case_number, SCAN, kind="police_report", file_name="lp.pdf")
    os._exit(8)  # not killed where it should have been


@pytest.mark.parametrize("at", ["bytes", "row"])
def test_an_attach_killed_half_way_leaves_nothing(register, session, at):
    file = new_case(session)
    session.close()
    assert exit_code_of(_attach_and_die, str(register.folder), file.case.case_number, at) == 9
    with open_register(register.folder, "admin", PASSWORD) as again:
        assert counts(again) == (0, 0)
        assert check_register(again).checks["documents"] == []
        assert in_clear(register.folder) == []
        kept = documents.attach(
            again, file.case.case_number, SCAN, kind="police_report", file_name="lp.pdf"
        )
        assert documents.read_document(again, kept.id)[1] == SCAN


def _import_and_die(folder: str, batch: str, bulk: bool) -> None:
    """Child: import a batch with documents, die once the first bytes are stored."""
    real = store.BytesWriter.add

    def add_then_die(self, data):
        real(self, data)
        os._exit(9)

    store.BytesWriter.add = add_then_die
    if bulk:
        sync.BULK_JOURNAL_DOCUMENT_BYTES = 1
    session = open_register(Path(folder), "admin", PASSWORD)
    sync.import_batch(session, Path(batch))
    os._exit(8)


@pytest.mark.parametrize("bulk", [False, True], ids=["wal", "rollback-journal"])
def test_an_import_killed_while_storing_documents_changes_nothing(offices, bulk):
    district, province, stick = offices
    file = new_case(district.session)
    made = documents.attach(
        district.session, file.case.case_number, SCAN, kind="medical_report", file_name="v.pdf"
    )
    batch = district.export(province, stick)
    province.session.close()
    assert exit_code_of(_import_and_die, str(province.folder), str(batch), bulk) == 9
    province.session = province.open()
    assert counts(province.session) == (0, 0)
    assert sync.list_peers(province.session)[0].received_upto == 0
    assert check_register(province.session).checks["documents"] == []
    assert in_clear(province.folder) == []
    assert sync.import_batch(province.session, batch).documents == 1
    assert store.read_bytes(province.session.db, made.id) == SCAN


def _erase_and_die(folder: str, case_number: str) -> None:
    """Child: erase the person, die with the tombstones written but not committed."""
    privacy_store.add_erased = lambda *a, **k: os._exit(9)
    session = open_register(Path(folder), "admin", PASSWORD)
    session.user.role = "supervisor"  # who may erase
    privacy.erase_person(session, case_number, "person_request")
    os._exit(8)


def test_an_erasure_killed_half_way_keeps_every_document_whole(register, session):
    file = new_case(session)
    made = documents.attach(session, file.case.case_number, SCAN, kind="consent", file_name="c.pdf")
    session.close()
    assert exit_code_of(_erase_and_die, str(register.folder), file.case.case_number) == 9
    with open_register(register.folder, "admin", PASSWORD) as again:
        assert documents.read_document(again, made.id)[1] == SCAN
        assert check_register(again).checks["documents"] == []
        again.user.role = "supervisor"
        result = privacy.erase_person(again, file.case.case_number, "person_request")
        assert result.documents == 1 and counts(again) == (1, 0)
        assert check_register(again).checks["documents"] == []
    assert in_clear(register.folder) == []


def test_a_person_export_and_an_erasure_count_the_documents(offices, tmp_path):
    district, province, stick = offices
    file = new_case(district.session)
    for kind in ("consent", "photo"):
        documents.attach(
            district.session, file.case.case_number, SCAN, kind=kind, file_name="f.pdf"
        )
    send(district, province, stick)
    district.session.user.role = "supervisor"
    result = privacy.erase_person(district.session, file.case.case_number, "person_request")
    assert result.documents == 2
    send(district, province, stick / "erased.tipbatch")
    assert counts(province.session)[1] == 0  # the erasure reached the province's copy
