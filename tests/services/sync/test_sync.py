"""Sync between registers in tmp_path: enrolment, export/import, merge, conflicts, acks."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from tests.helpers import (
    PASSWORD,
    TODAY,
    Office,
    district_and_province,
    ends_within,
    enrol,  # noqa: F401  (tests/ui/test_sync_screen.py imports it from here)
    erase,
    exit_code_of,
    kill_helpers,
    new_case,
    outcome_within,
    same,
    send,
    set_case,
    synced_rows,
    triggers,
)
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    BatchDamaged,
    BatchNotForThisOffice,
    Cancelled,
    FingerprintMismatch,
    HelperStopped,
    NotABatch,
    UnknownSender,
)
from tipdesk.security import batch as envelope
from tipdesk.security import officekeys as ok
from tipdesk.services import sync
from tipdesk.services.casework import cases
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import open_register
from tipdesk.storage import bulk as store_bulk
from tipdesk.storage import capture, rows
from tipdesk.storage import sync as store

NAME = "Maria Goreti Bria"


def test_round_trip_and_reimport_is_a_no_op(offices):
    district, province, stick = offices
    file = new_case(district.session)
    cases.add_service(
        district.session,
        r.Service(case_id=file.case.id, service_type="health", status="provided", started_on=TODAY),
    )
    batch = district.export(province, stick)
    assert batch.parent == stick and batch.suffix == ".tipbatch"
    summary = sync.import_batch(province.session, batch)
    assert summary.applied >= 3 and summary.conflicts == 0
    same(district, province)
    assert province.case(file.case.case_number).person.full_name == NAME
    again = sync.import_batch(province.session, batch)
    assert again.already_imported and again.applied == 0
    same(district, province)


def test_a_large_batch_goes_in_with_a_rollback_journal(offices, monkeypatch):
    """From BULK_JOURNAL_CHANGES changes a batch is applied outside WAL mode (pages written
    once); the register is in WAL mode again after, and holds the same records."""
    district, province, stick = offices
    add_demo_cases(district.session, 30, seed=5)
    batch = district.export(province, stick)
    monkeypatch.setattr(sync, "BULK_JOURNAL_CHANGES", 100)
    modes = []
    summary = sync.import_batch(
        province.session,
        batch,
        progress=lambda *_: modes.append(
            province.session.db.execute("PRAGMA journal_mode").fetchone()[0]
        ),
    )
    assert summary.applied > 100 and set(modes) == {"delete"}
    assert province.session.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    same(district, province)


def test_a_batch_read_by_a_second_process_goes_in_as_one_read_here(offices, monkeypatch):
    """New records, a merge, a conflict and a note to a case the province has: the same
    outcome when a second process decodes and checks the entries (import_reader)."""
    from tests.services.sync.test_sync_hostile import not_here
    from tipdesk.services.sync import reader as import_reader

    district, province, stick = offices
    add_demo_cases(district.session, 20, seed=8)
    file = new_case(district.session)
    number = file.case.case_number
    send(district, province, stick / "1.tipbatch")
    set_case(district, number, risk_level="medium", summary="Ringkasan baru dari kabupaten.")
    set_case(province, number, risk_level="high")
    cases.add_note(
        district.session,
        r.CaseNote(case_id=file.case.id, noted_on=TODAY, text="Kunjungan rumah di Wae Rebo."),
    )
    add_demo_cases(district.session, 15, seed=9)
    monkeypatch.setattr(sync, "READ_APART_CHANGES", 0)
    monkeypatch.setattr(sync, "IMPORT_CHUNK", 7)
    monkeypatch.setattr(import_reader, "read_chunks", not_here)
    summary = send(district, province, stick / "2.tipbatch")
    assert summary.applied >= 15 * 3 and summary.conflicts == 1
    case = province.case(number).case
    assert (case.risk_level, case.summary) == ("high", "Ringkasan baru dari kabupaten.")
    assert [row["case_number"] for row in cases.find_cases(province.session, "rebo")] == [number]
    [conflict] = sync.list_conflicts(province.session)
    sync.resolve_conflict(province.session, conflict.id, keep="remote")
    send(province, district, stick / "back.tipbatch")
    send(district, province, stick / "3.tipbatch")
    same(district, province)


def test_tables_read_at_once_still_go_in_apply_order(offices, monkeypatch):
    """The tables are read by several connections at once; the batch still lists them
    in the order an import applies them, even when an early table is read last."""
    district, province, stick = offices
    file = new_case(district.session)
    cases.add_service(
        district.session,
        r.Service(case_id=file.case.id, service_type="health", status="provided", started_on=TODAY),
    )
    real_inserted = store.export_inserted

    def persons_slowly(db, table, *args, **kwargs):
        if table == "persons":
            time.sleep(0.5)
        return real_inserted(db, table, *args, **kwargs)

    written: list[bytes] = []
    real_write = envelope.Changes.write

    def keep(self, data):
        written.append(bytes(data))
        real_write(self, data)

    monkeypatch.setattr(store, "export_inserted", persons_slowly)
    monkeypatch.setattr(envelope.Changes, "write", keep)
    batch = district.export(province, stick)
    entities = [json.loads(line)["e"] for line in b"".join(written).splitlines() if line]
    assert {"persons", "cases", "services"} <= set(entities)
    assert entities == sorted(entities, key=store.APPLY_ORDER.index)
    assert sync.import_batch(province.session, batch).conflicts == 0
    same(district, province)


def test_a_cancelled_export_writes_nothing_and_stops_its_readers(offices):
    district, province, stick = offices
    new_case(district.session)

    with pytest.raises(Cancelled):
        sync.export_batch(district.session, province.code, stick, cancelled=lambda: True)
    assert list(stick.iterdir()) == []
    assert not [t for t in threading.enumerate() if t.name.startswith("tipdesk-export")]
    # Nothing was marked as sent: the next batch still carries the case.
    assert send(district, province, stick).applied >= 2
    same(district, province)


def test_an_import_reports_changes_of_its_total_and_a_cancel_rolls_it_back(offices, monkeypatch):
    """Progress is ``(done, total)`` over the batch's changes; a cancel asked after a chunk
    stops the import with nothing of it applied, and the same batch imports later."""
    district, province, stick = offices
    add_demo_cases(district.session, 20, seed=4)
    batch = district.export(province, stick)
    monkeypatch.setattr(sync, "IMPORT_CHUNK", 50)
    seen: list[tuple[int, int]] = []

    def cancel_after_two() -> bool:
        return len(seen) >= 2

    before = province.session.db.execute("SELECT count(*) FROM cases").fetchone()[0]
    with pytest.raises(Cancelled):
        sync.import_batch(
            province.session,
            batch,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=cancel_after_two,
        )
    assert len(seen) == 2 and seen[0][0] < seen[1][0] < seen[1][1]
    assert province.session.db.execute("SELECT count(*) FROM cases").fetchone()[0] == before
    seen.clear()
    summary = sync.import_batch(
        province.session, batch, progress=lambda done, total: seen.append((done, total))
    )
    assert summary.applied > 100 and seen[-1][0] == seen[-1][1] > 100
    same(district, province)


@pytest.mark.slow
def test_export_and_import_hold_a_piece_of_the_changes_not_all_of_them(offices, monkeypatch):
    """A district's first batch holds every case it has; on a 4 GB laptop neither end may
    need the whole text in memory (the tables are read and deflated a piece at a time,
    and inflated a step at a time to check and to apply)."""
    import tracemalloc

    district, province, stick = offices
    add_demo_cases(district.session, 1000, seed=3)
    monkeypatch.setattr(sync, "EXPORT_PIECE", 50)
    monkeypatch.setattr(sync, "IMPORT_CHUNK", 100)
    monkeypatch.setattr(envelope, "_READ_STEP", 64 * 1024)
    tracemalloc.start()
    try:
        batch = district.export(province, stick)
        exported = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        summary = sync.import_batch(province.session, batch)
        imported = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    _, changes = envelope.open_batch(
        batch.read_bytes(),
        sync._identities(province.session),
        lambda _: (
            district.session
            and ok.read_card(
                store.peer_by(province.session.db, code="KUP")["card"].encode()
            ).ed25519
        ),
        our_office_id=province.session.office.id,
    )
    size = len(changes.read())
    assert summary.applied > 5000 and size > 5_000_000
    # Holding the text whole takes at least its size (export and import each took twice
    # that before); what is left is the file, its decrypted zip and a few pieces.
    assert exported < size / 2, (exported, size)
    assert imported < size, (imported, size)
    same(district, province)


def test_an_export_with_nothing_new_still_reports_every_table_and_can_be_cancelled(offices):
    district, province, stick = offices
    send(district, province, stick / "1.tipbatch")
    send(province, district, stick / "back.tipbatch")
    seen: list[tuple[int, int]] = []
    result = sync.export_batch(
        district.session,
        province.code,
        stick / "2.tipbatch",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.records == {}  # acknowledged: nothing to send again
    assert seen and seen[-1] == (len(store.APPLY_ORDER), len(store.APPLY_ORDER))

    with pytest.raises(Cancelled):
        sync.export_batch(
            district.session, province.code, stick / "3.tipbatch", cancelled=lambda: True
        )
    assert not (stick / "3.tipbatch").exists()


def test_an_edit_saved_as_an_export_starts_is_wholly_in_the_batch(offices, monkeypatch):
    """The batch's last change number and the rows it carries come from one snapshot: an
    edit saved by another window while the export begins is either in both or in neither."""
    district, province, stick = offices
    file = new_case(district.session)
    real_begin = sync.begin_snapshot

    def edit_then_begin(db):
        f = district.case(file.case.case_number)
        f.person.alias = "Ina"
        cases.save_case_file(district.session, f.person, f.case)
        real_begin(db)

    monkeypatch.setattr(sync, "begin_snapshot", edit_then_begin)
    result = sync.export_batch(district.session, province.code, stick)
    monkeypatch.undo()
    assert result.seq_to == store.last_change_number(district.session.db)
    sync.import_batch(province.session, result.path)
    assert rows.get(province.session.db, r.Person, file.person.id).alias == "Ina"
    same(district, province)


def test_name_never_in_batch_bytes_or_file_name(offices):
    district, province, stick = offices
    new_case(district.session)
    batch = district.export(province, stick)
    raw = batch.read_bytes()
    for needle in (NAME, "Maria", "Bria"):
        assert needle.encode() not in raw and needle not in batch.name


def test_acknowledgement_moves_the_export_window(offices):
    district, province, stick = offices
    new_case(district.session)
    first = district.export(province, stick / "1.tipbatch")
    sync.import_batch(province.session, first)
    back = province.export(district, stick / "back.tipbatch")
    sync.import_batch(district.session, back)
    [peer] = sync.list_peers(district.session)
    assert peer.acked_upto == peer.sent_upto and peer.unacknowledged == 0
    nothing = district.export(province, stick / "2.tipbatch")
    summary = sync.import_batch(province.session, nothing)
    assert summary.applied == 0


def test_province_edits_travel_back_and_merge_with_district_edits(offices):
    district, province, stick = offices
    file = new_case(district.session)
    send(district, province, stick / "1.tipbatch")
    # Each side changes a different field of the same case.
    p_file = province.case(file.case.case_number)
    p_file.case.risk_level = "high"
    cases.save_case_file(province.session, p_file.person, p_file.case)
    d_file = district.case(file.case.case_number)
    d_file.case.summary = "Ringkasan baru dari kabupaten."
    cases.save_case_file(district.session, d_file.person, d_file.case)
    send(province, district, stick / "back.tipbatch")
    send(district, province, stick / "2.tipbatch")
    send(province, district, stick / "back2.tipbatch")
    for office in (district, province):
        case = office.case(file.case.case_number).case
        assert case.risk_level == "high" and case.summary == "Ringkasan baru dari kabupaten."
    same(district, province)
    assert sync.list_conflicts(district.session) == []
    assert sync.list_conflicts(province.session) == []


def test_same_field_conflicts_and_converges_after_resolution(offices):
    district, province, stick = offices
    file = new_case(district.session)
    number = file.case.case_number
    send(district, province, stick / "1.tipbatch")
    set_case(district, number, risk_level="medium")
    set_case(province, number, risk_level="high")
    summary = send(district, province, stick / "2.tipbatch")
    assert summary.conflicts == 1
    [conflict] = sync.list_conflicts(province.session)
    assert (conflict.field, conflict.local_value, conflict.remote_value) == (
        "risk_level",
        "high",
        "medium",
    )
    assert conflict.case_number == number and conflict.peer_code == "KUP"
    sync.resolve_conflict(province.session, conflict.id, keep="remote")
    send(province, district, stick / "back.tipbatch")
    send(district, province, stick / "3.tipbatch")
    for office in (district, province):
        assert office.case(number).case.risk_level == "medium"
    same(district, province)
    assert sync.list_conflicts(province.session) == []


def test_delete_against_edit_goes_to_review(offices):
    district, province, stick = offices
    file = new_case(district.session)
    number = file.case.case_number
    send(district, province, stick / "1.tipbatch")
    f = province.case(number)
    f.case.risk_level = "high"
    cases.save_case_file(province.session, f.person, f.case)
    cases.delete_case(district.session, number)
    summary = send(district, province, stick / "2.tipbatch")
    kinds = [c.kind for c in sync.list_conflicts(province.session)]
    assert summary.conflicts >= 1 and "delete" in kinds
    assert not rows.get(province.session.db, r.Case, file.case.id).deleted  # kept for review


def test_out_of_order_batches_converge_with_in_order(offices, tmp_path):
    district, province, stick = offices
    new_case(district.session)
    first = district.export(province, stick / "1.tipbatch")
    new_case(district.session, {"full_name": "Yohana Seran", "nik": ""})
    second = district.export(province, stick / "2.tipbatch")
    sync.import_batch(province.session, second)
    older = sync.import_batch(province.session, first)
    assert older.applied == 0
    same(district, province)


def test_gap_waits_in_the_inbox_and_heals(offices, tmp_path):
    district, province, stick = offices
    new_case(district.session)
    first = district.export(province, stick / "1.tipbatch")
    province.session.close()
    saved = tmp_path / "ntt-backup"
    shutil.copytree(province.folder, saved)  # yesterday's backup
    province.session = province.open()
    sync.import_batch(province.session, first)
    send(province, district, stick / "back.tipbatch")
    # The province's laptop dies; it is restored from the backup taken before batch 1.
    province.session.close()
    shutil.rmtree(province.folder)
    shutil.copytree(saved, province.folder)
    province.session = province.open()
    new_case(district.session, {"full_name": "Yohana Seran", "nik": ""})
    second = district.export(province, stick / "2.tipbatch")
    waiting = sync.import_batch(province.session, second)
    assert waiting.waiting and waiting.applied == 0
    [peer] = sync.list_peers(province.session)
    assert peer.waiting == 1
    assert len(list((province.folder / "inbox").iterdir())) == 1
    # The province's next return batch says what it has; the district sends it all again.
    send(province, district, stick / "back2.tipbatch")
    healed = send(district, province, stick / "3.tipbatch")
    assert healed.applied >= 4
    same(district, province)
    [peer] = sync.list_peers(province.session)
    assert peer.waiting == 0 and list((province.folder / "inbox").iterdir()) == []


def test_refusals_change_nothing(offices, tmp_path):
    district, province, stick = offices
    new_case(district.session)
    batch = district.export(province, stick)
    raw = bytearray(batch.read_bytes())
    before = synced_rows(province.session, "persons")
    for position in (0, 40, len(raw) // 2, len(raw) - 1):
        flipped = bytearray(raw)
        flipped[position] ^= 0x01
        with pytest.raises((NotABatch, BatchDamaged, BatchNotForThisOffice)):
            sync.import_batch(province.session, bytes(flipped))
    for cut in (0, 10, len(raw) // 3, len(raw) - 1):
        with pytest.raises((NotABatch, BatchDamaged)):
            sync.import_batch(province.session, bytes(raw[:cut]))
    # A third office the province never enrolled.
    other = Office(tmp_path / "bel", "BEL", "district", "53.04")
    path, fingerprint = sync.export_key_file(province.session, tmp_path / "p.tipkey")
    sync.trust_key_file(other.session, path.read_bytes(), fingerprint)
    new_case(other.session)
    with pytest.raises(UnknownSender):
        send(other, province, stick / "bel.tipbatch")
    # A batch for the district handed to the province.
    with pytest.raises(BatchNotForThisOffice):
        sync.import_batch(
            province.session, province.export(district, stick / "p.tipbatch").read_bytes()
        )
    assert synced_rows(province.session, "persons") == before
    other.session.close()


def test_wrong_fingerprint_is_refused(offices, tmp_path):
    _district, province, _stick = offices
    other = Office(tmp_path / "bel", "BEL", "district", "53.04")
    path, fingerprint = sync.export_key_file(other.session, tmp_path / "bel.tipkey")
    wrong = ("A" if fingerprint[0] != "A" else "B") + fingerprint[1:]
    with pytest.raises(FingerprintMismatch):
        sync.trust_key_file(province.session, path.read_bytes(), wrong)
    assert [p.code for p in sync.list_peers(province.session)] == ["KUP"]
    other.session.close()


def test_deidentified_profile_carries_no_name(tmp_path):
    district, province, stick = district_and_province(tmp_path, profile="deidentified")
    # Free text anywhere may name someone: a worker typing where the victim worked, whose
    # daughter she is, which village speaks her language.
    file = new_case(
        district.session,
        {
            "nik": "5371015403990001",
            "occupation": "Pembantu di rumah Ibu Maria",
            "language": "Bahasa Dawan (kampung Maria)",
            "guardian_relationship": "Anak Maria",
        },
    )
    cases.add_note(
        district.session,
        r.CaseNote(case_id=file.case.id, noted_on=TODAY, text="Bertemu Maria di rumah aman."),
    )
    send(district, province, stick)
    person = rows.get(province.session.db, r.Person, file.person.id)
    assert person.full_name == "" and person.nik == "" and person.phone == ""
    assert person.region_code == "53.71" and person.estimated_age == 27
    assert person.occupation == person.language == person.guardian_relationship == ""
    assert synced_rows(province.session, "case_notes") == {}
    for table in ("persons", "cases"):
        for row in synced_rows(province.session, table).values():
            assert "Maria" not in str(row)
    district.session.close()
    province.session.close()


def _import_and_die(folder: str, batch: str, bulk: bool) -> None:
    """Child process: start importing, then die (power cut) after the first rows; with
    ``bulk``, in the rollback journal, its page cache so small that the first rows are
    in the database file already (exit 8 if the import was not where it should be)."""
    import contextlib

    real = store_bulk.insert_tuples

    def insert_then_die(db, table, columns, values):
        real(db, table, columns, values)
        if values and (table == "cases" or not bulk):
            journal = db.execute("PRAGMA journal_mode").fetchone()[0]
            os._exit(9 if journal == ("delete" if bulk else "wal") else 8)

    @contextlib.contextmanager
    def tiny_cache(db):
        db.execute("PRAGMA cache_size = 2")
        db.execute("PRAGMA cache_spill = 1")
        yield

    store_bulk.insert_tuples = insert_then_die
    if bulk:
        sync.BULK_JOURNAL_CHANGES = 1
        sync.larger_cache = tiny_cache
    session = open_register(Path(folder), "admin", PASSWORD)
    sync.import_batch(session, Path(batch))


@pytest.mark.parametrize("bulk", [False, True], ids=["wal", "rollback-journal"])
def test_killed_import_leaves_the_register_as_before(offices, bulk):
    district, province, stick = offices
    file = new_case(district.session)
    if bulk:
        # the province has the first case already, on pages the import changes (so the
        # journal keeps their old content); then enough rows for pages to reach the
        # database file before the power cut
        send(district, province, stick / "1.tipbatch")
        add_demo_cases(district.session, 60, seed=3)
    batch = district.export(province, stick)
    before = triggers(province.session.db)
    persons, upto = (
        synced_rows(province.session, "persons"),
        sync.list_peers(province.session)[0].received_upto,
    )
    province.session.close()
    assert exit_code_of(_import_and_die, str(province.folder), str(batch), bulk) == 9
    journal = province.folder / "register.db-journal"
    if bulk:  # what reached the file is undone from the journal, which holds nothing in clear
        held = journal.read_bytes()
        assert file.person.full_name.encode() not in held and b"SQLite format 3" not in held
    province.session = province.open()
    assert not journal.exists()
    assert province.session.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert synced_rows(province.session, "persons") == persons
    assert sync.list_peers(province.session)[0].received_upto == upto
    # the insert triggers the import lifted came back with the rollback
    assert triggers(province.session.db) == before
    summary = sync.import_batch(province.session, batch)
    assert summary.applied >= 2
    same(district, province)
    assert triggers(province.session.db) == before
    # and capture a province's own new record, for its return batch
    file = new_case(province.session)
    inserted = {
        (c["entity"], c["id"])
        for c in capture.changes_after(province.session.db)
        if c["op"] == "insert"
    }
    assert {("persons", file.person.id), ("cases", file.case.id)} <= inserted


def _import_apart_and_die(folder: str, batch: str, pid_file: str) -> None:
    """Child process: import with a second process reading, die after the first rows,
    leaving that reading process behind with chunks (of their real size, more than a
    pipe holds) still to hand over."""

    sync.READ_APART_CHANGES = 0
    real = store_bulk.insert_tuples

    def insert_then_die(db, table, columns, values):
        real(db, table, columns, values)
        if values and table == "persons":
            [reader] = [p for p in multiprocessing.active_children() if p.name == "tipdesk-import"]
            Path(pid_file).write_text(str(reader.pid))
            os._exit(9)

    store_bulk.insert_tuples = insert_then_die
    session = open_register(Path(folder), "admin", PASSWORD)
    sync.import_batch(session, Path(batch))


def test_a_reading_process_ends_when_its_import_dies(offices, tmp_path):
    district, province, stick = offices
    add_demo_cases(district.session, 300, seed=4)
    batch = district.export(province, stick)
    province.session.close()
    pid_file = tmp_path / "reader.pid"
    assert exit_code_of(_import_apart_and_die, str(province.folder), str(batch), str(pid_file)) == 9
    assert ends_within(int(pid_file.read_text()), 20)
    province.session = province.open()
    assert synced_rows(province.session, "persons") == {}


def test_an_import_whose_reading_process_is_killed_changes_nothing_and_says_so(
    offices, monkeypatch
):
    """The system may stop the reading process (memory ran short): the import is refused
    with a reason, at once, and the same file imports afterwards."""
    district, province, stick = offices
    add_demo_cases(district.session, 300, seed=4)
    batch = district.export(province, stick)
    monkeypatch.setattr(sync, "READ_APART_CHANGES", 0)
    real = store_bulk.insert_tuples

    def kill_reader_then_insert(db, table, columns, values):
        if table == "persons":
            kill_helpers("tipdesk-import")
        real(db, table, columns, values)

    monkeypatch.setattr(store_bulk, "insert_tuples", kill_reader_then_insert)
    error = outcome_within(lambda: sync.import_batch(province.session, batch), 120)
    assert isinstance(error, HelperStopped)
    assert synced_rows(province.session, "persons") == {}
    assert sync.list_peers(province.session)[0].received_upto == 0
    monkeypatch.setattr(store_bulk, "insert_tuples", real)
    assert sync.import_batch(province.session, batch).applied >= 300 * 3
    same(district, province)


def test_a_clock_a_year_fast_cannot_win_silently(offices):
    district, province, stick = offices
    file = new_case(district.session)
    number = file.case.case_number
    send(district, province, stick / "1.tipbatch")
    year_ms = 365 * 24 * 3600 * 1000
    real = district.session.clock._physical
    district.session.clock._physical = lambda: real() + year_ms
    f = district.case(number)
    f.case.risk_level = "low"
    cases.save_case_file(district.session, f.person, f.case)
    f = province.case(number)
    f.case.risk_level = "high"
    cases.save_case_file(province.session, f.person, f.case)
    summary = send(district, province, stick / "2.tipbatch")
    assert summary.conflicts == 1
    assert province.case(number).case.risk_level == "high"  # kept, and asked about
    # The province's own clock did not jump a year ahead.
    later = province.session.clock.tick()
    assert int(later[:13]) < real() + 24 * 3600 * 1000


def test_province_never_sends_one_district_the_other_districts_records(three_offices):
    a, b, province, stick = three_offices
    case_a = new_case(a.session)
    case_b = new_case(b.session, {"full_name": "Yohana Seran", "nik": ""})
    send(a, province, stick / "a.tipbatch")
    send(b, province, stick / "b.tipbatch")
    origins = {
        row["case_number"]: row["origin"] for row in synced_rows(province.session, "cases").values()
    }
    assert origins == {
        case_a.case.case_number: a.session.office.id,
        case_b.case.case_number: b.session.office.id,
    }
    # The province works on A's case; B must not receive it.
    f = province.case(case_a.case.case_number)
    f.case.risk_level = "high"
    cases.save_case_file(province.session, f.person, f.case)
    send(province, b, stick / "to-b.tipbatch")
    assert set(synced_rows(b.session, "cases")) == {case_b.case.id}
    assert set(synced_rows(b.session, "persons")) == {case_b.person.id}
    send(province, a, stick / "to-a.tipbatch")
    assert a.case(case_a.case.case_number).case.risk_level == "high"
    assert set(synced_rows(a.session, "cases")) == {case_a.case.id}
    for office in (a, b, province):
        office.session.close()


def test_edits_to_a_de_identified_copy_never_wipe_the_district_s_names(tmp_path):
    district, province, stick = district_and_province(tmp_path, profile="deidentified")
    file = new_case(district.session, {"nik": "5371015403990001"})
    number = file.case.case_number
    send(district, province, stick / "1.tipbatch")
    f = province.case(number)
    assert f.person.full_name == "" and f.case.summary == ""
    # The province's copy cannot pass the case file's checks (no name); an edit made to
    # its rows (as a merge or a later tool might) is what travels back.
    f.case.risk_level = "high"
    with province.session.write() as db:
        rows.update(db, f.case, province.session.stamp)
    send(province, district, stick / "back.tipbatch")
    back = district.case(number)
    assert back.case.risk_level == "high"
    assert back.case.summary == file.case.summary and back.case.exploitation_place == "Tawau"
    assert back.person.full_name == NAME and back.person.nik == "5371015403990001"
    district.session.close()
    province.session.close()


def test_a_file_too_large_to_be_a_batch_is_refused_before_it_is_read(
    offices, tmp_path, monkeypatch
):
    _district, province, _stick = offices
    from tipdesk.security import batch as envelope

    monkeypatch.setattr(envelope, "MAX_BATCH_BYTES", 1000)
    big = tmp_path / "big.tipbatch"
    big.write_bytes(b"age-encryption.org/v1\n" + b"x" * 2000)
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(BatchDamaged):
        sync.import_batch(province.session, big)
    assert read == []


def test_a_batch_another_program_imported_meanwhile_is_already_imported(offices, monkeypatch):
    """Two programs import the same batch at once: the second finds it recorded once it
    holds the write lock, and reports it as already imported instead of failing."""
    district, province, stick = offices
    new_case(district.session)
    batch = district.export(province, stick / "1.tipbatch")
    other = province.open()
    real_seen = store.batch_seen
    checks = []

    def imported_by_the_other_program_first(db, batch_id):
        if not checks:
            checks.append(batch_id)
            assert not sync.import_batch(other, batch).already_imported
            return False  # what the first check saw, just before
        return real_seen(db, batch_id)

    monkeypatch.setattr(store, "batch_seen", imported_by_the_other_program_first)
    try:
        summary = sync.import_batch(province.session, batch)
    finally:
        other.close()
    assert summary.already_imported and summary.applied == 0 and summary.merged == 0
    db = province.session.db
    assert (
        db.execute(
            "SELECT count(*) FROM batches WHERE batch_id = ?", [summary.batch_id]
        ).fetchone()[0]
        == 1
    )
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    same(district, province)


def test_an_older_return_batch_never_moves_the_acknowledgement_back(offices, monkeypatch):
    """Return batches without changes of their own end at the same change number; the
    older one (made a minute before), imported after the newer, must not lower what the
    province acknowledged, or the district sends again what the province already has."""
    district, province, stick = offices
    new_case(district.session)
    send(district, province, stick / "1.tipbatch")
    monkeypatch.setattr(envelope, "_now", lambda: "2026-11-30T08:00:00+00:00")
    old = province.export(district, stick / "old.tipbatch")
    new_case(district.session, {"full_name": "Yohana Seran", "nik": ""})
    send(district, province, stick / "2.tipbatch")
    monkeypatch.setattr(envelope, "_now", lambda: "2026-11-30T08:01:00+00:00")
    new = province.export(district, stick / "new.tipbatch")
    sync.import_batch(district.session, new)
    [peer] = sync.list_peers(district.session)
    acked = peer.acked_upto
    assert acked == store.max_seq(district.session.db)
    sync.import_batch(district.session, old)
    [peer] = sync.list_peers(district.session)
    assert peer.acked_upto == acked and peer.unacknowledged == 0
    again = sync.export_batch(district.session, province.code, stick / "3.tipbatch")
    assert again.records == {} and again.seq_from == acked + 1
    summary = sync.import_batch(province.session, again.path)
    assert summary.applied == 0 and summary.unchanged == 0


def test_a_province_restored_from_backup_gets_its_lost_batches_again(offices, tmp_path):
    """Restored from a backup made before batch 1, with no change of its own since, the
    province's next return batch is still newer than the last one: the district lowers
    its window and sends again what the province lost."""
    from tipdesk.services import backup

    district, province, stick = offices
    saved = backup.make_backup(province.session, tmp_path / "ntt.tipbackup").path
    new_case(district.session)
    send(district, province, stick / "1.tipbatch")
    send(province, district, stick / "back.tipbatch")
    province.session.close()
    shutil.rmtree(province.folder)
    backup.restore_backup(saved, province.folder, "admin", PASSWORD)
    province.reopen()
    new_case(district.session, {"full_name": "Yohana Seran", "nik": ""})
    assert send(district, province, stick / "2.tipbatch").waiting
    send(province, district, stick / "back2.tipbatch")
    healed = send(district, province, stick / "3.tipbatch")
    assert healed.applied >= 4
    same(district, province)
    [peer] = sync.list_peers(province.session)
    assert peer.waiting == 0


def test_a_district_never_enrols_another_district(offices, tmp_path):
    """Batches flow district <-> province only: full case data never goes sideways."""
    from tipdesk.domain.errors import DistrictPeer

    district, _, _ = offices
    other = Office(tmp_path / "atb", "ATB", "district", "53.04")
    try:
        path, fingerprint = sync.export_key_file(other.session, tmp_path / "atb.tipkey")
        with pytest.raises(DistrictPeer) as refused:
            sync.trust_key_file(district.session, path.read_bytes(), fingerprint)
        assert refused.value.params == {"code": "ATB"}
        assert [p.code for p in sync.list_peers(district.session)] == ["NTT"]
    finally:
        other.session.close()


def test_de_identified_edits_send_regencies_and_the_new_age(tmp_path):
    """After an edit, the batch's earlier values leave like the row's (regency only), and
    a corrected birth date reaches the province as the new age."""
    district, province, stick = district_and_province(tmp_path, profile="deidentified")
    try:
        file = new_case(district.session, {"region_code": "53.71.01.1001"})
        send(district, province, stick / "1.tipbatch")
        assert rows.get(province.session.db, r.Person, file.person.id).estimated_age == 27
        f = district.case(file.case.case_number)
        f.person.region_code = "53.71.02.1002"
        f.person.birth_date = dt.date(2012, 5, 1)  # a child after all
        cases.save_case_file(district.session, f.person, f.case)
        batch = district.export(province, stick / "2.tipbatch")
        _, changes = envelope.open_batch(
            batch.read_bytes(),
            sync._identities(province.session),
            lambda _: (
                ok.read_card(
                    store.peer_by(province.session.db, code="KUP")["card"].encode()
                ).ed25519
            ),
            our_office_id=province.session.office.id,
        )
        text = changes.read()
        assert b"53.71.01.1001" not in text and b"53.71.02.1002" not in text
        sync.import_batch(province.session, batch)
        person = rows.get(province.session.db, r.Person, file.person.id)
        assert person.estimated_age == 14 and person.region_code == "53.71"
    finally:
        district.session.close()
        province.session.close()


def test_a_delete_from_the_peer_scrubs_our_change_log_and_conflicts(offices):
    district, province, stick = offices
    file = new_case(district.session, {"full_name": "Agustina Seran"})
    f = district.case(file.case.case_number)
    f.person.full_name = "Agustina Seran Tefa"
    cases.save_case_file(district.session, f.person, f.case)
    send(district, province, stick / "1.tipbatch")
    erase(province.session, file.case.case_number)
    send(province, district, stick / "back.tipbatch")
    assert rows.get(district.session.db, r.Person, file.person.id).deleted
    log = [str(v) for c in district.session.db.query("SELECT * FROM _changes") for v in c.values()]
    assert not [v for v in log if "Agustina" in v]


def test_keeping_their_name_moves_the_search_to_it(offices):
    district, province, stick = offices
    file = new_case(district.session, {"full_name": "Christina Nahak"})
    send(district, province, stick / "1.tipbatch")
    for office, name in ((district, "Benedikta Lamawuran"), (province, "Kristina Nahak")):
        f = office.case(file.case.case_number)
        f.person.full_name = name
        cases.save_case_file(office.session, f.person, f.case)
    send(district, province, stick / "2.tipbatch")
    [conflict] = sync.list_conflicts(province.session)
    sync.resolve_conflict(province.session, conflict.id, keep="remote")
    assert [c["case_number"] for c in cases.find_cases(province.session, "Benedikta")] == [
        file.case.case_number
    ]
    assert cases.find_cases(province.session, "Kristina") == []
    erase(province.session, file.case.case_number)
    assert province.session.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0
